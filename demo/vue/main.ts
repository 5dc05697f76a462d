/**
 * A Vue 3 host: the elements in a Vue template. `isCustomElement: isLibraryTag` (from the package) tells Vue's
 * compiler that the library's tags are custom elements; objects are bound as properties (`:api.prop`), strings as
 * `:account-id` and `:selected`, and the elements' events are heard with `@account-select`. The template is compiled
 * in the browser here (Vite's alias of `vue` to its full build, vite.demo.config.ts); an app of single-file components
 * gives the same option to `@vitejs/plugin-vue` (README, "Vue").
 */
import { createApp, ref } from 'vue';
import type { AccountSummary, AmEvents } from '../../src/index.js';
// A host imports these from the package: `account-manager-widgets` and `account-manager-widgets/kazoo`.
import { isLibraryTag } from '../../exports/tags.js';
import { createKazooAdapter } from '../../src/kazoo/index.js';
// Each element once, as `import 'account-manager-widgets/components/account-tree.js'`.
import '../../components/account-provider/account-provider.define.js';
import '../../components/account-tree/account-tree.define.js';
import '../../components/account-overview/account-overview.define.js';
import { startCrossbar } from '../backend.js';
import { mountChrome } from '../chrome.js';
import { demoText, type DemoKey } from '../i18n.js';

const crossbar = await startCrossbar();
// In a portal: your Crossbar URL and the signed-in user's token (`getToken`). Here: the demo's emulator.
const api = createKazooAdapter({ baseUrl: crossbar.baseUrl, credentials: await crossbar.login() });
const locale = ref('en-US');

const app = createApp({
  setup() {
    const selected = ref<Pick<AccountSummary, 'id' | 'name'>>();
    const saved = ref<string>();
    const detail = ref<HTMLElement>();
    const tr = (key: DemoKey, name = '') => demoText(locale.value, key).replace('{name}', name);
    const select = (e: AmEvents['account-select']) => {
      const { id, name } = e.detail.account;
      selected.value = { id, name };
      saved.value = undefined;
      // On a narrow screen the account is under the tree: bring it into view.
      if (matchMedia('(max-width: 56rem)').matches) detail.value?.scrollIntoView({ block: 'start' });
    };
    const accountSaved = (e: AmEvents['account-saved']) => {
      const { id, name } = e.detail.account;
      selected.value = { id, name };
      saved.value = name;
    };
    return {
      api,
      locale,
      selected,
      saved,
      detail,
      tr,
      select,
      accountSaved,
      forget: () => (selected.value = undefined),
    };
  },
  template: `
    <section class="card intro" aria-labelledby="page-title">
      <h2 id="page-title">{{ tr('vue.title') }}</h2>
      <p class="muted">{{ tr('vue.intro') }}</p>
    </section>
    <account-provider :api.prop="api" :locale="locale">
      <div class="workbench">
        <account-tree class="card" :selected="selected?.id" @account-select="select"></account-tree>
        <div class="detail" ref="detail">
          <p class="card host-line" role="status">
            <span>{{ selected ? tr('host.selected', selected.name) : tr('host.none') }}</span>
            <span v-if="saved">{{ tr('host.saved', saved) }}</span>
          </p>
          <account-overview
            v-if="selected"
            class="card"
            :account-id="selected.id"
            @account-saved="accountSaved"
            @account-deleted="forget"
          ></account-overview>
          <p v-else class="card muted">{{ tr('react.choose') }}</p>
        </div>
      </div>
    </account-provider>
  `,
});
// The one rule for every tag of the library: Vue leaves them to the browser instead of looking for components.
app.config.compilerOptions.isCustomElement = isLibraryTag;
mountChrome(document.getElementById('demo-header')!, 'vue', (prefs) => (locale.value = prefs.locale));
app.mount('#root');
