// Registers every element of the library (idempotent: defining twice is a no-op).
import '../components/account-provider/account-provider.define.js';
import '../components/account-tree/account-tree.define.js';
import '../components/account-create/account-create.define.js';
import '../components/account-overview/account-overview.define.js';
import '../components/account-admins/account-admins.define.js';
import '../components/service-plan-picker/service-plan-picker.define.js';
import '../components/number-features/number-features.define.js';
import '../components/account-restrictions/account-restrictions.define.js';
import '../components/account-limits/account-limits.define.js';
import '../components/carrier-picker/carrier-picker.define.js';
import '../components/app-exchange-toggle/app-exchange-toggle.define.js';
import '../components/account-notes/account-notes.define.js';
import '../components/account-announcement/account-announcement.define.js';
import '../components/account-manager/account-manager.define.js';

export * from './elements.js';
