// Every element class, without registering any.
export { AccountProvider } from '../components/account-provider/account-provider.js';
export { AccountTree } from '../components/account-tree/account-tree.js';
export { AccountCreate } from '../components/account-create/account-create.js';
export { AccountOverview } from '../components/account-overview/account-overview.js';
export { AccountAdmins } from '../components/account-admins/account-admins.js';
export { ServicePlanPicker } from '../components/service-plan-picker/service-plan-picker.js';
export { NumberFeatures } from '../components/number-features/number-features.js';
export { AccountRestrictions } from '../components/account-restrictions/account-restrictions.js';
export { AccountLimits } from '../components/account-limits/account-limits.js';
export { CarrierPicker } from '../components/carrier-picker/carrier-picker.js';
export { AppExchangeToggle } from '../components/app-exchange-toggle/app-exchange-toggle.js';
export { AccountNotes } from '../components/account-notes/account-notes.js';
export { AccountAnnouncement } from '../components/account-announcement/account-announcement.js';
export { AccountManager } from '../components/account-manager/account-manager.js';
