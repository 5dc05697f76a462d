import { html } from 'lit';

/**
 * Enter in a text field of a form-mode element moves on, as it does in the wizard's own fields: the element's
 * own form has no submit button to take it.
 */
export function enterMovesOn(e: KeyboardEvent): void {
  const from = e.composedPath()[0];
  if (e.key !== 'Enter' || e.isComposing || e.defaultPrevented) return;
  if (!(from instanceof HTMLInputElement) || from.type !== 'text') return;
  e.preventDefault();
  (e.currentTarget as Element).closest('form')?.requestSubmit();
}

/** A line that says why a step has nothing to choose. */
export const note = (text: string) => html`<p class="am-note" role="note">${text}</p>`;
