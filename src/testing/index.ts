export { runAccountApiContract } from './contract.js';
export type { ContractFixture, ContractFramework, ContractOptions } from './contract.js';
