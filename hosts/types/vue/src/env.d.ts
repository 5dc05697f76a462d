// The opt-in: every element's props and events in Vue templates.
import type {} from 'account-manager-widgets/types/vue';
