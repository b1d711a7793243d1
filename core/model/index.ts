export { learnPql } from './learn';
export { measurePopulation } from './measure';
export type { MeasuredEntity, MeasureSettings } from './measure';
export { auc } from './auc';
export { riskRatio, wilson } from './stats';
export { fieldSignals, labelEntities, profileUser, readConverted, readDate } from './population';
export { renderReport } from './report/html';
