// Moved to core/shared, where PQL Route shares them; scoring's own imports still point here.
export { isRecord } from '../shared/values';
export { valueAtPath } from '../shared/fieldPath';
