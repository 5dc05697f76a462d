import { ContextEvent, type Context, type ContextType } from '@lit/context';

/**
 * One context value, asked for from an element inside the manager's shadow root rather than from the manager
 * itself: below the manager's own `<account-provider>` when it has one, else from the host page's provider.
 */
export class ContextFeed<C extends Context<unknown, unknown>> {
  value: ContextType<C> | undefined;
  private from?: Element;
  private unsubscribe?: () => void;

  constructor(
    private readonly context: C,
    private readonly changed: (value: ContextType<C> | undefined, previous: ContextType<C> | undefined) => void,
  ) {}

  // One identity for the feed's life: the provider and the context root dedupe subscriptions by it.
  private readonly callback = (value: ContextType<C>, unsubscribe?: () => void): void => {
    if (unsubscribe !== this.unsubscribe) {
      this.unsubscribe?.();
      this.unsubscribe = unsubscribe;
    }
    const previous = this.value;
    this.value = value;
    if (value !== previous) this.changed(value, previous);
  };

  /** Subscribes from `from` (again when it is another element, or after `stop()`). */
  listen(from: Element | undefined): void {
    if (from === this.from) return;
    this.stop();
    this.from = from;
    if (from) from.dispatchEvent(new ContextEvent(this.context, from, this.callback, true));
  }

  /** Stops hearing changes; the last value stays until the next `listen()`. */
  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.from = undefined;
  }
}
