// account-manager-widgets/mock: an in-memory Kazoo Crossbar v2 for tests, demos and Storybook.
export { createCrossbarEmulator } from './emulator.js';
export { mswHandlers, type MswHandlerOptions } from './msw.js';
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
