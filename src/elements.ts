// Every element class, without registering any.
export { AccountProvider } from '../components/account-provider/account-provider.js';
export { AccountCreate } from '../components/account-create/account-create.js';
