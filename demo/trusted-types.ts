/**
 * The demo page's Trusted Types `default` policy, for the workers it starts: the emulator's shared worker and MSW's
 * service worker, whose library passes the script's URL on as a plain string. Where the browser requires Trusted
 * Types (`require-trusted-types-for 'script'`, the strict-CSP demo) it lets a worker script of the page's own
 * origin through, and nothing else: it makes no HTML and no script. The elements need no policy of the host's:
 * they use Lit's (`lit-html`) and DOMPurify's (`dompurify`).
 */
interface TrustedTypesFactory {
  defaultPolicy: unknown;
  createPolicy(name: 'default', rules: { createScriptURL(url: string): string }): unknown;
}

/** Sets the policy up (once a page), before the page starts a worker. */
export function allowOwnWorkers(): void {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (!factory || factory.defaultPolicy) return;
  factory.createPolicy('default', {
    createScriptURL(url) {
      if (new URL(url, location.href).origin !== location.origin) throw new TypeError(`Not this page's script: ${url}`);
      return url;
    },
  });
}
