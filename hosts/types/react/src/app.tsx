// A React 19 host: the wrappers, one wrapper on its own, and a custom element used directly in JSX.
import { useRef } from 'react';
import type { AccountApi, AccountSummary } from 'account-manager-widgets';
import {
  AccountProvider,
  AccountTree,
  ServicePlanPicker,
  type AccountTreeElement,
  type AccountTreeProps,
} from 'account-manager-widgets/react';
import { AccountOverview } from 'account-manager-widgets/react/account-overview.js';
import type { CustomElements } from 'account-manager-widgets/types/jsx';

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends CustomElements {}
  }
}

const picked: AccountSummary[] = [];

export function App({ api }: { api: AccountApi }) {
  const tree = useRef<AccountTreeElement>(null);
  const props: AccountTreeProps = { rootId: 'root', selected: 'child' };
  return (
    <AccountProvider api={api} theme="auto" locale="fr-FR" onApiError={(e) => console.log(e.detail.error.kind)}>
      <AccountTree
        ref={tree}
        {...props}
        onAccountSelect={(e) => {
          picked.push(e.detail.account);
          void tree.current?.reveal(e.detail.account.id);
        }}
        onAccountCreateRequest={(e) => e.detail.parentId.length}
      />
      {/* @ts-expect-error rootId is a string */}
      <AccountTree rootId={42} />
      <AccountTree
        onAccountSelect={(e) => {
          // @ts-expect-error the detail has no such member
          console.log(e.detail.nope);
        }}
      />
      {/* @ts-expect-error an @internal member is not a prop */}
      <AccountTree activeIndex={1} />
      {/* @ts-expect-error a read-only member is not a prop */}
      <AccountOverview dirty />
      <AccountOverview accountId="a1" onAccountSaved={(e) => e.detail.changes.join()} />
      <ServicePlanPicker
        value={['gold']}
        onValueChange={(e) => console.log(e.type)}
        onServicePlansSaved={(e) => console.log(e.detail.added.length)}
      />
      {/* @ts-expect-error value is a list of plan ids */}
      <ServicePlanPicker value="gold" />
      <ServicePlanPicker
        // @ts-expect-error the native change event has no detail
        onValueChange={(e) => console.log(e.detail)}
      />
      {/* @ts-expect-error <account-tree> fires no account-saved */}
      <AccountTree onAccountSaved={() => undefined} />
      {/* @ts-expect-error a method is not a prop */}
      <AccountTree reveal={() => undefined} />
      <account-tree root-id="root" onaccount-select={(e) => console.log(e.detail.account.name)} />
      {/* @ts-expect-error root-id is a string */}
      <account-tree root-id={42} />
      <account-tree
        onaccount-select={(e) => {
          // @ts-expect-error the detail has no such member
          console.log(e.detail.nope);
        }}
      />
    </AccountProvider>
  );
}
