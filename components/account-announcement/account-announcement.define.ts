import { AccountAnnouncement } from './account-announcement.js';

AccountAnnouncement.define('account-announcement');

export { AccountAnnouncement };

declare global {
  interface HTMLElementTagNameMap {
    'account-announcement': AccountAnnouncement;
  }
}
