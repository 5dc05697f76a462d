// Every element class, without registering any.
export { AccountProvider } from '../components/account-provider/account-provider.js';
