// Platform-wide fixed data: the Monster app catalog, number classifiers and the resellers' service plans.
import { md5 } from './md5.js';
import type { ServicePlan } from './types.js';

export interface CatalogApp {
  id: string;
  name: string;
  i18n: Record<string, { label: string; description: string; extended_description?: string; features?: string[] }>;
  tags: string[];
  icon: string;
  author: string;
  version: string;
  license: string;
  price: number;
  screenshots: string[];
  urls: Record<string, string>;
  masqueradable?: boolean;
}

function app(
  name: string,
  label: string,
  description: string,
  tags: string[],
  features: string[],
  extra: Partial<CatalogApp> = {},
): CatalogApp {
  return {
    id: md5(`monster-app:${name}`),
    name,
    i18n: { 'en-US': { label, description, features } },
    tags,
    icon: `${name}_app.png`,
    author: '2600Hz',
    version: '4.3',
    license: '-',
    price: 0,
    screenshots: [`${name}1.png`, `${name}2.png`],
    urls: {
      documentation: `https://docs.2600hz.com/apps/${name}`,
      howto: `https://docs.2600hz.com/apps/${name}/howto`,
    },
    ...extra,
  };
}

/** The apps offered on the master account (shape of apps_store-01). */
export const APP_CATALOG: readonly CatalogApp[] = [
  app(
    'accounts',
    'Accounts Manager',
    'Create and manage the accounts of your customers.',
    ['reseller'],
    ['Create sub-accounts', 'Set limits and restrictions'],
  ),
  app(
    'voip',
    'SmartPBX',
    'A full cloud PBX: users, devices, numbers and call flows in one place.',
    ['reseller', 'end_user'],
    ['Main number routing', 'Users and devices', 'Conference bridges'],
  ),
  app(
    'numbers',
    'Number Manager',
    'Number Manager app allows you to easily buy, port and manage all numbers in your account.',
    ['reseller', 'developer'],
    ['Purchase new numbers', 'Port numbers from other carriers', 'Associate e911 address to each number'],
  ),
  app(
    'callflows',
    'Callflows',
    'Build advanced call routing with a visual editor.',
    ['developer'],
    ['Drag and drop call routing'],
  ),
  app(
    'pbxs',
    'PBX Connector',
    'Connect an on-premise PBX to the platform over SIP trunks.',
    ['reseller'],
    ['SIP trunk registration', 'Failover routing'],
  ),
  app(
    'webhooks',
    'Webhooks',
    'Send call events to your own web services.',
    ['developer'],
    ['Channel events', 'Notification events'],
  ),
  app(
    'fax',
    'Fax',
    'Send and receive faxes by email and from the web.',
    ['end_user'],
    ['Fax to email', 'Email to fax'],
    {
      price: 4.99,
    },
  ),
  app(
    'voicemails',
    'Voicemail Manager',
    'Listen to, forward and manage voicemail boxes.',
    ['end_user'],
    ['Visual voicemail', 'Transcription'],
  ),
  app(
    'call-recording',
    'Call Recording',
    'Record, search and download calls for quality and compliance.',
    ['end_user'],
    ['Per-user recording rules', 'Retention policies'],
    { price: 9.99, author: 'Acme Labs' },
  ),
  app(
    'csv-onboarding',
    'CSV Onboarding',
    'Create many users and devices at once from a spreadsheet.',
    ['reseller'],
    ['Bulk user import'],
  ),
  app(
    'operator',
    'Operator Console',
    'A receptionist console with presence and one-click transfers.',
    ['end_user'],
    ['Busy lamp field', 'Parking lots'],
    { price: 14.99 },
  ),
  app(
    'userportal',
    'User Portal',
    'Lets end users manage their own voicemail, devices and call forwarding.',
    ['end_user'],
    ['Self service'],
  ),
];

const EXTRA_TOPICS = [
  ['Analytics', 'Charts of call volumes, answer times and missed calls.'],
  ['Billing Portal', 'Invoices and payment methods for the account holder.'],
  ['Queue Monitor', 'Live view of call-centre queues and waiting callers.'],
  ['Hot Desking', 'Lets users sign in to any shared desk phone.'],
  ['SMS Inbox', 'Send and receive text messages on business numbers.'],
  ['Paging', 'One-way announcements to groups of phones.'],
  ['Directory', 'A company phone book with search by name or extension.'],
  ['Wallboard', 'Large-screen statistics for team leads.'],
  ['Provisioner', 'Zero-touch set-up of desk phones.'],
  ['Team Chat', 'Messaging between colleagues, with presence.'],
];
const EXTRA_EDITIONS = ['Lite', 'Plus', 'Pro', 'Suite', 'Cloud'];

/** `count` more apps for long lists (`EmulatorOptions.extraApps`), the same for the same count. */
export function generatedApps(count: number): CatalogApp[] {
  const out: CatalogApp[] = [];
  for (let i = 0; i < count; i++) {
    const [topic, description] = EXTRA_TOPICS[i % EXTRA_TOPICS.length]!;
    const round = Math.floor(i / EXTRA_TOPICS.length);
    const edition = EXTRA_EDITIONS[round % EXTRA_EDITIONS.length]!;
    const again = Math.floor(round / EXTRA_EDITIONS.length);
    const label = `${topic} ${edition}${again ? ` ${again + 1}` : ''}`;
    const name = `extra-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    out.push(app(name, label, description, ['end_user'], [description]));
  }
  return out;
}

const ICON_COLOURS = ['#2563eb', '#059669', '#d97706', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#4d7c0f'];
const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A small square SVG for an app's icon: its initials on a colour of its own. */
export function appIconSvg(app: CatalogApp): string {
  const label = app.i18n['en-US']?.label ?? app.name;
  const initials = label
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
  const colour = ICON_COLOURS[parseInt(app.id.slice(0, 6), 16) % ICON_COLOURS.length]!;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">` +
    `<rect width="64" height="64" rx="14" fill="${colour}"/>` +
    `<text x="32" y="41" font-family="sans-serif" font-size="26" font-weight="700" fill="#fff" ` +
    `text-anchor="middle">${xmlText(initials)}</text></svg>`
  );
}

/** Number classifiers (phone_numbers-37). */
export const CLASSIFIERS: Record<string, { friendly_name: string; regex: string; pretty_print?: string }> = {
  caribbean: {
    friendly_name: 'Caribbean',
    pretty_print: 'SS(###) ### - ####',
    regex:
      '^\\+?1((?:684|264|268|242|246|441|284|345|767|809|829|849|473|671|876|664|670|787|939|869|758|784|721|868|649|340)\\d{7})$',
  },
  did_us: {
    friendly_name: 'US DID',
    pretty_print: 'SS(###) ### - ####',
    regex: '^\\+?1?([2-9][0-9]{2}[2-9][0-9]{6})$',
  },
  emergency: { friendly_name: 'Emergency Dispatcher', regex: '^(911)$' },
  international: { friendly_name: 'International', regex: '^(011\\d*)$|^(00\\d*)$' },
  toll_us: { friendly_name: 'US Toll', pretty_print: 'SS(###) ### - ####', regex: '^\\+1(900\\d{7})$' },
  tollfree_us: {
    friendly_name: 'US TollFree',
    pretty_print: 'SS(###) ### - ####',
    regex: '^\\+1((?:800|888|877|866|855)\\d{7})$',
  },
  unknown: { friendly_name: 'Unknown', regex: '^(.*)$' },
};

function plan(
  owner: string,
  slug: string,
  name: string,
  category: string,
  description: string,
  items: ServicePlan['items'],
): ServicePlan {
  return { id: md5(`service-plan:${owner}:${slug}`), name, category, description, items };
}

/** Plans each top-level reseller offers, keyed by role (resolved to account ids when seeding). */
export const PLANS_BY_ROLE: Record<'master' | 'root' | 'foreign', ServicePlan[]> = {
  master: [
    plan(
      'master',
      'wholesale',
      'Wholesale Reseller',
      'Bundles',
      'Platform access for resellers: apps, numbers and trunks at wholesale rates.',
      [{ category: 'ui_apps', item: 'accounts', rate: 99 }],
    ),
    plan('master', 'direct', 'Direct Business', 'Bundles', 'Direct customers of the platform, billed per seat.', [
      { category: 'users', item: 'user', rate: 15 },
    ]),
  ],
  root: [
    plan(
      'acme',
      'seat-standard',
      'Hosted PBX Standard Seat',
      'Seats',
      'Per-user seat with voicemail, mobile and desktop apps and 500 domestic minutes.',
      [{ category: 'users', item: 'user', rate: 19.99 }],
    ),
    plan(
      'acme',
      'seat-executive',
      'Hosted PBX Executive Seat',
      'Seats',
      'Unlimited domestic calling, call recording and CRM integrations per user.',
      [
        { category: 'users', item: 'user', rate: 29.99 },
        { category: 'users', item: 'admin', rate: 29.99 },
      ],
    ),
    plan(
      'acme',
      'trunk-metered',
      'SIP Trunking Metered',
      'Trunking',
      'Pay-as-you-go SIP trunks at $0.012 per outbound minute; inbound is free.',
      [{ category: 'limits', item: 'outbound_trunks', rate: 0, activation_charge: 25 }],
    ),
    plan(
      'acme',
      'trunk-unlimited',
      'SIP Trunking Unlimited',
      'Trunking',
      'Unlimited domestic minutes per two-way trunk, billed monthly.',
      [{ category: 'limits', item: 'twoway_trunks', rate: 24.99 }],
    ),
  ],
  foreign: [
    plan(
      'globex',
      'business-voice',
      'Globex Business Voice',
      'Seats',
      'Cloud phone system for small offices, per user.',
      [{ category: 'users', item: 'user', rate: 17.5 }],
    ),
    plan(
      'globex',
      'contact-center',
      'Globex Contact Center',
      'Contact Center',
      'Queues, agent dashboards and call recording, per agent.',
      [{ category: 'users', item: 'user', rate: 45 }],
    ),
  ],
};
