import { expect, fixture, html } from '@open-wc/testing';
import { AmElement } from './am-element.js';

declare module './am-element.js' {
  interface AmEventMap {
    'test-ping': { n: number };
  }
}

class PingElement extends AmElement {
  static override tagName = 'test-ping-el';
  protected override render() {
    return html`<button>ping</button>`;
  }
}
class OtherElement extends AmElement {}
class HolderElement extends AmElement {}
class ChildElement extends AmElement {}
class ParentElement extends AmElement {
  static override dependencies = { 'test-dep-child': ChildElement };
}

function captureWarnings(): { list: string[]; restore(): void } {
  const list: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => list.push(String(args[0]));
  return { list, restore: () => (console.warn = warn) };
}

describe('AmElement.define', () => {
  it('is idempotent and uses the static tag name', () => {
    const w = captureWarnings();
    try {
      PingElement.define();
      PingElement.define();
      PingElement.define('test-ping-el');
      expect(customElements.get('test-ping-el')).to.equal(PingElement);
      expect(w.list).to.deep.equal([]);
    } finally {
      w.restore();
    }
  });

  it('gives a second tag of the same class a subclass', () => {
    PingElement.define('test-ping-el-two');
    const el = document.createElement('test-ping-el-two');
    expect(el).to.be.instanceOf(PingElement);
  });

  it('leaves a tag held by another class alone and warns once, without throwing', () => {
    const w = captureWarnings();
    try {
      HolderElement.define('test-held');
      OtherElement.define('test-held');
      OtherElement.define('test-held');
      expect(customElements.get('test-held')).to.equal(HolderElement);
      expect(w.list.filter((m) => m.includes('<test-held>'))).to.have.length(1);
    } finally {
      w.restore();
    }
  });

  it('defines dependencies first, in the same (scoped) registry', () => {
    const registry = new CustomElementRegistry();
    ParentElement.define('test-dep-parent', registry);
    expect(registry.get('test-dep-parent')).to.equal(ParentElement);
    expect(registry.get('test-dep-child')).to.equal(ChildElement);
    expect(customElements.get('test-dep-parent')).to.equal(undefined);
  });
});

describe('AmElement.emit', () => {
  it('dispatches a bubbling, composed, typed event and reports a veto', async () => {
    PingElement.define();
    const outer = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = outer.attachShadow({ mode: 'open' });
    const el = document.createElement('test-ping-el') as PingElement;
    shadow.append(el);
    const heard: number[] = [];
    outer.addEventListener('test-ping', (e) => heard.push(e.detail.n));
    expect(el.emit('test-ping', { n: 1 })).to.equal(true);
    expect(heard).to.deep.equal([1]);
    const veto = (e: Event) => e.preventDefault();
    outer.addEventListener('test-ping', veto);
    expect(el.emit('test-ping', { n: 2 }, { cancelable: true })).to.equal(false);
    expect(el.emit('test-ping', { n: 3 }), 'a non-cancelable event cannot be vetoed').to.equal(true);
    outer.removeEventListener('test-ping', veto);
  });

  it('sets custom states that CSS can match', async () => {
    PingElement.define();
    const el = await fixture<PingElement>(html`<test-ping-el></test-ping-el>`);
    el.setCustomState('loading', true);
    expect(el.matches(':state(loading)')).to.equal(true);
    el.setCustomState('loading', false);
    expect(el.matches(':state(loading)')).to.equal(false);
  });
});
