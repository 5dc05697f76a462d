// The mount/unmount loop of the leak pages: mount `count` times, wait until the element shows what it loads (at most
// `capMs`), remove. `mode: 'element'` keeps one provider mounted and cycles the element inside it; `mode: 'pair'`
// mounts and removes provider and element together.

export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r(performance.now())));

/**
 * `box`: where providers go; `makeProvider()`, `makeElement()`: fresh elements; `shown(el)`: it shows its content;
 * `afterEach()`: runs after each removal. Returns the persistent-provider holder's `cycle` and `reset`.
 */
export function cycler({ box, makeProvider, makeElement, shown, afterEach = () => undefined }) {
  let provider = null;
  return {
    async cycle({ count, mode = 'element', capMs = 5000 }) {
      let noRows = 0;
      const t0 = performance.now();
      if (mode !== 'pair' && !provider) {
        provider = makeProvider();
        box.append(provider);
      }
      for (let i = 0; i < count; i++) {
        const el = makeElement();
        let mounted = el;
        if (mode === 'pair') {
          mounted = makeProvider();
          mounted.append(el);
          box.append(mounted);
        } else {
          provider.append(el);
        }
        const ts = performance.now();
        let ok = false;
        while (performance.now() - ts < capMs) {
          await nextFrame();
          if (shown(el)) {
            ok = true;
            break;
          }
        }
        if (!ok) noRows++;
        mounted.remove();
        afterEach();
      }
      return { count, mode, noRows, ms: Math.round(performance.now() - t0) };
    },
    /** Remove the persistent provider (end of an 'element' series). */
    reset() {
      provider?.remove();
      provider = null;
      afterEach();
    },
  };
}
