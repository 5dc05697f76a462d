// Registers every element of the library (idempotent: defining twice is a no-op).
import '../components/account-provider/account-provider.define.js';

export * from './elements.js';
