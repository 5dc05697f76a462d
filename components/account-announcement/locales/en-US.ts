/** The English strings of `<account-announcement>`; every other locale holds every key. */
const en = {
  title: 'Announcement from {name}',
  titleNoName: 'Announcement',
  dismiss: 'Dismiss',
};
export type AccountAnnouncementMessages = Record<keyof typeof en, string>;
export default en;
