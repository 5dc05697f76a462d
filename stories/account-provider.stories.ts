import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { AccountApi } from '../src/api/api.js';
import { AccountApiError } from '../src/api/errors.js';
import type { Account, AccountSummary, Session } from '../src/api/model.js';
import '../components/account-provider/account-provider.define.js';
import type { AccountProvider } from '../components/account-provider/account-provider.js';

// A tiny in-memory backend: a reseller with two customers. Anything else is "not found".
const names: Record<string, { name: string; parent?: string }> = {
  reseller: { name: 'Northwind Telecom' },
  acme: { name: 'Acme Dental Group', parent: 'reseller' },
  harbor: { name: 'Harbor Freight Logistics', parent: 'reseller' },
};

function account(id: string): Account {
  const n = names[id];
  if (!n) throw new AccountApiError({ kind: 'not-found', message: 'No such account', status: 404 });
  return {
    id,
    name: n.name,
    realm: `${id}.sip.example.net`,
    enabled: true,
    isReseller: id === 'reseller',
    isSuperduper: false,
    contacts: {},
    callRestrictions: {},
    uiRestrictions: {},
    numberFeatures: { e911: true, cnam: false },
    notes: {},
  };
}

function fakeApi(options: { failSession?: boolean } = {}): AccountApi {
  const impl: Partial<AccountApi> = {
    async getSession(): Promise<Session> {
      if (options.failSession) throw new AccountApiError({ kind: 'network', message: 'offline' });
      return {
        accountId: 'reseller',
        accountName: 'Northwind Telecom',
        isReseller: true,
        isSuperduper: false,
        language: 'en-US',
      };
    },
    async getAccount(id) {
      return account(id);
    },
    async getAncestors(id): Promise<AccountSummary[]> {
      const parent = names[id]?.parent;
      return parent ? [{ id: parent, name: names[parent]!.name }] : [];
    },
  };
  // Only AccountApi's own method names answer: a catch-all would also answer lit's probes (`_$litDirective$`).
  const methods = ['listChildren', 'searchAccounts', 'createAccount', 'updateAccount', 'deleteAccount', 'moveAccount'];
  return new Proxy(impl as AccountApi, {
    get: (target, key) => {
      const own = (target as unknown as Record<PropertyKey, unknown>)[key];
      if (own !== undefined || typeof key !== 'string' || !methods.includes(key)) return own;
      return async () => {
        throw new AccountApiError({ kind: 'not-found', message: `${key} is not in this story` });
      };
    },
  });
}

interface Args {
  theme: 'light' | 'dark' | 'auto';
  locale: string;
  masquerade?: string;
  failSession?: boolean;
}

const meta: Meta<Args> = {
  title: 'Widgets/account-provider',
  component: 'account-provider',
  args: { theme: 'light', locale: 'en-US' },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'select', options: ['en-US', 'fr-FR', 'de-DE', 'es-ES', 'ru-RU', 'ar'] },
  },
  render: (args) => html`
    <account-provider .api=${fakeApi({ failSession: args.failSession })} theme=${args.theme} locale=${args.locale}>
      <div style="padding: 1rem">
        <p>The host portal's own content stays where it is. Widgets placed here read the acting account.</p>
      </div>
    </account-provider>
  `,
  play: async ({ canvasElement, args }) => {
    if (!args.masquerade) return;
    const provider = canvasElement.querySelector('account-provider') as AccountProvider;
    for (let i = 0; i < 50 && !provider.session; i++) await new Promise((r) => setTimeout(r, 20));
    await provider.masquerade(args.masquerade);
  },
};
export default meta;

type Story = StoryObj<Args>;

/** Logged in, acting as the own account: nothing but the host's content. */
export const Default: Story = {};

/** "Use account": the banner says whose view this is and returns in one click. */
export const Masquerading: Story = { args: { masquerade: 'acme' } };

export const MasqueradingDark: Story = { args: { masquerade: 'acme', theme: 'dark' } };

export const MasqueradingFrench: Story = { args: { masquerade: 'harbor', locale: 'fr-FR' } };

/** A refused "Use account" (not below the logged-in account). */
export const Refused: Story = { args: { masquerade: 'elsewhere' } };

/** The session cannot load: what failed, in words, with Retry; the host's content stays. */
export const SessionError: Story = { args: { failSession: true } };

export const SessionErrorDark: Story = { args: { failSession: true, theme: 'dark' } };

/** Right to left (Arabic): the banner mirrors; the two names keep their own direction, and its English words theirs. */
export const MasqueradingRightToLeft: Story = {
  args: { masquerade: 'harbor', locale: 'ar-EG' },
  parameters: { locale: 'ar-EG' },
};
