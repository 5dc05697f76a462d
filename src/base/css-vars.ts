import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/**
 * Sets custom properties on an element through the CSSOM (`style.setProperty`), never through a `style`
 * attribute, so a page with a strict Content-Security-Policy (`style-src` without `'unsafe-inline'`) keeps
 * them: `<div ${cssVars({ '--depth': 2 })}>`.
 */
class CssVarsDirective extends Directive {
  private last: Record<string, string> = {};

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssVars() goes in an element position.');
  }

  render(_vars: Record<string, string | number>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [vars]: [Record<string, string | number>]): unknown {
    const style = (part.element as HTMLElement).style;
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries(vars)) {
      const value = String(v);
      next[k] = value;
      if (this.last[k] !== value) style.setProperty(k, value);
    }
    for (const k of Object.keys(this.last)) if (!(k in next)) style.removeProperty(k);
    this.last = next;
    return noChange;
  }
}

export const cssVars = directive(CssVarsDirective);
