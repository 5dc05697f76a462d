/**
 * An Angular 21 host: a standalone component, zoneless, with `CUSTOM_ELEMENTS_SCHEMA` so its template may use the
 * library's tags. `[api]`, `[accountId]` and `[selected]` set the elements' properties; `(account-select)` and
 * `(account-saved)` hear their events, and signals hold what the page shows. Compiled in the browser (JIT:
 * `@angular/compiler` is imported first); an Angular CLI app compiles the same component ahead of time.
 */
import '@angular/compiler';
import {
  Component,
  CUSTOM_ELEMENTS_SCHEMA,
  enableProdMode,
  inject,
  InjectionToken,
  provideZonelessChangeDetection,
  signal,
} from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { AccountApi, AccountSummary, AmEvents } from '../../src/index.js';
// A host imports these from the package: `account-manager-widgets/kazoo` and each element once, as
// `import 'account-manager-widgets/components/account-tree.js'`.
import { createKazooAdapter } from '../../src/kazoo/index.js';
import '../../components/account-provider/account-provider.define.js';
import '../../components/account-tree/account-tree.define.js';
import '../../components/account-overview/account-overview.define.js';
import { startCrossbar } from '../backend.js';
import { mountChrome } from '../chrome.js';
import { demoText, type DemoKey } from '../i18n.js';

// As a portal ships it: without Angular's development checks and their console note.
enableProdMode();

/** The portal's `AccountApi`, given to the component by dependency injection. */
const ACCOUNT_API = new InjectionToken<AccountApi>('AccountApi');
/** The demo's language (its header), as a signal the template reads. */
const locale = signal('en-US');

class AccountsComponent {
  readonly api = inject(ACCOUNT_API);
  readonly locale = locale;
  readonly selected = signal<Pick<AccountSummary, 'id' | 'name'> | undefined>(undefined);
  readonly saved = signal<string | undefined>(undefined);

  tr(key: DemoKey, name = ''): string {
    return demoText(this.locale(), key).replace('{name}', name);
  }

  select(event: Event, detail: HTMLElement): void {
    const { id, name } = (event as AmEvents['account-select']).detail.account;
    this.selected.set({ id, name });
    this.saved.set(undefined);
    // On a narrow screen the account is under the tree: bring it into view.
    if (matchMedia('(max-width: 56rem)').matches) detail.scrollIntoView({ block: 'start' });
  }

  accountSaved(event: Event): void {
    const { id, name } = (event as AmEvents['account-saved']).detail.account;
    this.selected.set({ id, name });
    this.saved.set(name);
  }
}

// The decorator applied as a function: the same metadata `@Component({...})` gives.
Component({
  selector: 'amw-angular-demo',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  // Its sections are laid out by the page's <main>, as if they were its own children.
  host: { style: 'display: contents' },
  template: `
    <section class="card intro" aria-labelledby="page-title">
      <h2 id="page-title">{{ tr('angular.title') }}</h2>
      <p class="muted">{{ tr('angular.intro') }}</p>
    </section>
    <account-provider [api]="api" [locale]="locale()">
      <div class="workbench">
        <account-tree class="card" [selected]="selected()?.id" (account-select)="select($event, detail)"></account-tree>
        <div class="detail" #detail>
          <p class="card host-line" role="status">
            <span>{{ selected() ? tr('host.selected', selected()!.name) : tr('host.none') }}</span>
            @if (saved(); as name) {
              <span>{{ tr('host.saved', name) }}</span>
            }
          </p>
          @if (selected(); as account) {
            <account-overview
              class="card"
              [accountId]="account.id"
              (account-saved)="accountSaved($event)"
              (account-deleted)="selected.set(undefined)"
            ></account-overview>
          } @else {
            <p class="card muted">{{ tr('react.choose') }}</p>
          }
        </div>
      </div>
    </account-provider>
  `,
})(AccountsComponent);

const crossbar = await startCrossbar();
// In a portal: your Crossbar URL and the signed-in user's token (`getToken`). Here: the demo's emulator.
const api = createKazooAdapter({ baseUrl: crossbar.baseUrl, credentials: await crossbar.login() });
mountChrome(document.getElementById('demo-header')!, 'angular', (prefs) => locale.set(prefs.locale));
await bootstrapApplication(AccountsComponent, {
  providers: [provideZonelessChangeDetection(), { provide: ACCOUNT_API, useValue: api }],
});
