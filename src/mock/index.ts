// account-manager-widgets/mock: an in-memory Kazoo Crossbar v2 for tests, demos and Storybook. It needs no other
// package: `emulatorFetch` answers in the same process; MSW's handlers are in `/mock/msw`, the HTTP server in
// `/mock/node`.
export { createCrossbarEmulator } from './emulator.js';
export { emulatorFetch } from './fetch.js';
export type {
  CrossbarEmulator,
  EmulatorOptions,
  EmulatorState,
  FaultRule,
  LedgerEntry,
  Login,
  RecordedRequest,
  SeedOptions,
  ServicePlan,
  ServicePlanItem,
  StoredDoc,
  TokenRecord,
} from './types.js';
