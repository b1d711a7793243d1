export { createRouter } from './route';
export type { RouteOptions } from './route';
export { checkConfig } from './checkConfig';
export { rendezvousPick, stableUniform } from './rendezvous';
export { routingKey } from './routingKey';
export { slaDueAt } from './sla';
export { findRep, repId, resolveTarget } from './reps';
export { settingError } from './settingError';
export type * from '../contract/routing';
