/**
 * A jQuery 4 host, in plain JavaScript: the elements made with `$('<account-tree>')`, their properties set with
 * `.prop()` (`api`, `selected`, `accountId`: properties, not attributes), their events heard with `.on()`, each
 * event's `detail` in `e.originalEvent.detail` (jQuery wraps the DOM event).
 */
import $ from 'jquery';
// A host imports these from the package: `account-manager-widgets/kazoo` and each element once, as
// `import 'account-manager-widgets/components/account-tree.js'`.
import { createKazooAdapter } from '../../src/kazoo/index.ts';
import '../../components/account-provider/account-provider.define.ts';
import '../../components/account-tree/account-tree.define.ts';
import '../../components/account-overview/account-overview.define.ts';
import { startCrossbar } from '../backend.ts';
import { mountChrome } from '../chrome.ts';
import { demoText } from '../i18n.ts';

const crossbar = await startCrossbar();
// In a portal: your Crossbar URL and the signed-in user's token (`getToken`). Here: the demo's emulator.
const api = createKazooAdapter({ baseUrl: crossbar.baseUrl, credentials: await crossbar.login() });

let locale = 'en-US';
/** The chosen account (`{ id, name }`), and the name it was last saved under. */
let chosen;
let saved;
const tr = (key, name = '') => demoText(locale, key).replace('{name}', name);

const $title = $('<h2>').attr('id', 'page-title');
const $intro = $('<p>').addClass('muted');
const $provider = $('<account-provider>').prop('api', api);
const $tree = $('<account-tree>').addClass('card');
const $overview = $('<account-overview>').addClass('card'); // in the page once an account is chosen
const $selected = $('<span>');
const $saved = $('<span>');
const $line = $('<p>').addClass('card host-line').attr('role', 'status').append($selected, $saved);
const $choose = $('<p>').addClass('card muted');
const $detail = $('<div>').addClass('detail').append($line, $choose);
$provider.append($('<div>').addClass('workbench').append($tree, $detail));
$('#root').append(
  $('<section>').addClass('card intro').attr('aria-labelledby', 'page-title').append($title, $intro),
  $provider,
);

/** Writes the page's own words from what the elements said. */
function render() {
  $title.text(tr('jquery.title'));
  $intro.text(tr('jquery.intro'));
  $choose.text(tr('react.choose'));
  $selected.text(chosen ? tr('host.selected', chosen.name) : tr('host.none'));
  $saved.text(saved ? tr('host.saved', saved) : '').prop('hidden', !saved);
}

$tree.on('account-select', (e) => {
  const { id, name } = e.originalEvent.detail.account;
  chosen = { id, name };
  saved = undefined;
  $tree.prop('selected', id);
  $overview.prop('accountId', id);
  if (!$overview.parent().length) {
    $choose.detach();
    $line.after($overview);
  }
  render();
  // On a narrow screen the account is under the tree: bring it into view.
  if (matchMedia('(max-width: 56rem)').matches) $detail[0].scrollIntoView({ block: 'start' });
});
$overview.on('account-saved', (e) => {
  const { id, name } = e.originalEvent.detail.account;
  chosen = { id, name };
  saved = name;
  render();
});
// A deleted account: nothing chosen (`detach` keeps the overview's handlers for the next account).
$overview.on('account-deleted', () => {
  chosen = saved = undefined;
  $overview.detach();
  $line.after($choose);
  render();
});

mountChrome(document.getElementById('demo-header'), 'jquery', (prefs) => {
  locale = prefs.locale;
  $provider.prop('locale', locale);
  render();
});
