// Bundle-size entry: lit alone, one trivial LitElement.
import { LitElement, html } from 'lit';

class BenchLit extends LitElement {
  static properties = { who: {} };
  constructor() {
    super();
    this.who = 'lit';
  }
  render() {
    return html`<p>Hello, ${this.who}</p>`;
  }
}
customElements.define('bench-lit', BenchLit);
