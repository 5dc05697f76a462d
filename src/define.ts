// Registers every element of the library (idempotent: defining twice is a no-op).
import '../components/account-provider/account-provider.define.js';
import '../components/account-create/account-create.define.js';

export * from './elements.js';
