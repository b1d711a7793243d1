// Moved to core/shared, where PQL Route shares them; scoring's own imports still point here.
export { describeCondition, isPresent, meets } from '../shared/conditions';
