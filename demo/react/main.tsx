/**
 * A React 19 host: the package's React wrappers (`account-manager-widgets/react/<tag>.js`, each registering only
 * its own element), wired by their `on…` event props and React state, as a React portal would use them.
 */
import { StrictMode, useCallback, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { AccountApi } from 'account-manager-widgets';
import { createKazooAdapter } from 'account-manager-widgets/kazoo';
import { AccountProvider } from 'account-manager-widgets/react/account-provider.js';
import { AccountTree } from 'account-manager-widgets/react/account-tree.js';
import { AccountOverview } from 'account-manager-widgets/react/account-overview.js';
import { AccountCreate, type AccountCreateElement } from 'account-manager-widgets/react/account-create.js';
import { startCrossbar } from '../backend.js';
import { mountChrome } from '../chrome.js';
import { demoText, type DemoKey } from '../i18n.js';

interface Logged {
  id: number;
  event: string;
  what: string;
}

function App({ api, locale }: { api: AccountApi; locale: string }) {
  const tr = (key: DemoKey) => demoText(locale, key);
  const [selected, setSelected] = useState<string>();
  const [events, setEvents] = useState<Logged[]>([]);
  const wizard = useRef<AccountCreateElement>(null);
  const detail = useRef<HTMLDivElement>(null);
  // On a narrow screen the account is under the tree: bring it into view when one is chosen.
  useEffect(() => {
    if (selected && matchMedia('(max-width: 56rem)').matches) detail.current?.scrollIntoView({ block: 'start' });
  }, [selected]);
  const log = useCallback(
    (event: string, what: string) =>
      setEvents((list) => [{ id: (list[0]?.id ?? 0) + 1, event, what }, ...list].slice(0, 6)),
    [],
  );

  return (
    <>
      <section className="card intro" aria-labelledby="page-title">
        <h2 id="page-title">{tr('react.title')}</h2>
        <p className="muted">{tr('react.intro')}</p>
      </section>
      <AccountProvider api={api} locale={locale}>
        <div className="workbench">
          <AccountTree
            className="card"
            selected={selected}
            onAccountSelect={(e) => {
              setSelected(e.detail.account.id);
              log('account-select', e.detail.account.name);
            }}
            onAccountCreateRequest={(e) => {
              // The page opens the wizard itself, for the parent the tree names.
              e.preventDefault();
              const w = wizard.current;
              if (!w) return;
              w.parentId = e.detail.parentId;
              void w.show();
            }}
          />
          <div className="detail" ref={detail}>
            {selected ? (
              <AccountOverview
                className="card"
                accountId={selected}
                onAccountSaved={(e) => log('account-saved', `${e.detail.account.name}: ${e.detail.changes.join(', ')}`)}
                onAccountDeleted={(e) => {
                  setSelected(undefined);
                  log('account-deleted', e.detail.name);
                }}
              />
            ) : (
              <p className="card muted">{tr('react.choose')}</p>
            )}
          </div>
          <section className="card events" aria-labelledby="events-title">
            <h3 id="events-title">{tr('react.events')}</h3>
            {events.length ? (
              <ol>
                {events.map((e) => (
                  <li key={e.id}>
                    <code>{e.event}</code> <span dir="auto">{e.what}</span>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted">{tr('react.noEvents')}</p>
            )}
          </section>
        </div>
        <AccountCreate
          ref={wizard}
          modal
          onAccountCreated={(e) => {
            setSelected(e.detail.account.id);
            log('account-created', e.detail.account.name);
          }}
        />
      </AccountProvider>
    </>
  );
}

const crossbar = await startCrossbar();
// In a portal: your Crossbar URL and the signed-in user's token (`getToken`). Here: the demo's emulator.
const api = createKazooAdapter({ baseUrl: crossbar.baseUrl, credentials: await crossbar.login() });
const root = createRoot(document.getElementById('root')!);
mountChrome(document.getElementById('demo-header')!, 'react', ({ locale }) =>
  root.render(
    <StrictMode>
      <App api={api} locale={locale} />
    </StrictMode>,
  ),
);
