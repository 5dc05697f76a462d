/**
 * Rich text under a strict Content-Security-Policy: inline styles in a tenant's notes, however they are written,
 * never reach an HTML parser (where the policy would refuse them and report it), and what is shown keeps its words.
 * The page here has the policy (`style-src-attr 'none'`, through a `<meta>`), as a host's with `style-src 'self'`.
 */
import { expect } from '@open-wc/testing';
import { sanitizeHtml, sanitizeToFragment, sanitizeToTrustedHtml, type RichTextProfile } from './sanitize.js';

const violations: string[] = [];
const onViolation = (e: SecurityPolicyViolationEvent) => violations.push(`${e.violatedDirective}: ${e.sample}`);

/** A task for the reports of what was just refused. */
const reported = () => new Promise((r) => setTimeout(r, 50));

/** Inline styles as editors, mail clients and hand-written HTML put them. */
const STYLED: [what: string, html: string, words: string][] = [
  ['double quotes', '<p style="color: red">Red</p>', 'Red'],
  ['single quotes, upper case', "<P STYLE='font-weight: 900'>Heavy</P>", 'Heavy'],
  ['unquoted', '<p style=color:red>Bare</p>', 'Bare'],
  ['no value', '<p style>Empty</p>', 'Empty'],
  ['a ">" in another attribute', '<a title="a > b" style="color: red" href="https://example.com">Link</a>', 'Link'],
  ['no space before the next attribute', '<p style="color: red"class="x">Joined</p>', 'Joined'],
  [
    'nested, among others',
    '<ul><li><b id="x" style="color:red" data-a=1>One</b></li><li style="x">Two</li></ul>',
    'OneTwo',
  ],
  ['in SVG', '<svg><rect style="fill: red"></rect></svg><p>After</p>', 'After'],
  ['a tag cut off', '<p>Start</p><p style="color: red', 'Start'],
];

describe('sanitized rich text under a strict style policy', () => {
  let meta: HTMLMetaElement;

  before(() => {
    meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "style-src-attr 'none'";
    document.head.append(meta);
    document.addEventListener('securitypolicyviolation', onViolation);
  });
  after(() => document.removeEventListener('securitypolicyviolation', onViolation));
  beforeEach(() => (violations.length = 0));

  it('is in force here: an inline style is refused and reported', async () => {
    const probe = document.createElement('p');
    probe.setAttribute('style', 'color: red');
    document.body.append(probe);
    await reported();
    probe.remove();
    expect(violations).to.have.length.greaterThan(0);
  });

  for (const profile of ['default', 'notes'] as RichTextProfile[]) {
    for (const [what, dirty, words] of STYLED) {
      it(`${profile}: ${what}`, async () => {
        const clean = await sanitizeHtml(dirty, profile);
        const fragment = await sanitizeToFragment(dirty, profile);
        const trusted = String(await sanitizeToTrustedHtml(dirty, profile));
        await reported();
        expect(violations, 'nothing refused').to.deep.equal([]);
        for (const out of [clean, trusted]) expect(out).not.to.match(/style/i);
        expect(fragment.querySelectorAll('[style]')).to.have.length(0);
        expect(fragment.textContent!.replace(/\s+/g, '')).to.equal(words);
      });
    }
  }

  it('keeps the words of text that only looks like a style attribute', async () => {
    const dirty =
      '<p>Write style="color: red" to colour it; a < b style=x.</p><textarea><b style="x">raw</b></textarea>';
    const fragment = await sanitizeToFragment(dirty);
    await reported();
    expect(violations).to.deep.equal([]);
    expect(fragment.textContent).to.contain('Write style="color: red" to colour it; a < b style=x.');
  });
});
