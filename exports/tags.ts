/**
 * The tag names of the library's elements, for hosts whose compiler must be told which tags are custom elements
 * (Vue's `compilerOptions.isCustomElement`, a sanitizer's allow list…). No element code: importing this costs a few
 * bytes, and it runs in Node (a `vite.config.ts`) as in a browser. `test-node/tags.test.ts` checks the list against
 * the elements the package defines (`components/<tag>/<tag>.define.ts`) and the Custom Elements Manifest.
 */
export const tagNames = [
  'account-admins',
  'account-announcement',
  'account-create',
  'account-limits',
  'account-manager',
  'account-notes',
  'account-overview',
  'account-provider',
  'account-restrictions',
  'account-tree',
  'app-exchange-toggle',
  'carrier-picker',
  'number-features',
  'service-plan-picker',
] as const;

/** The tag of one of the library's elements. */
export type TagName = (typeof tagNames)[number];

const TAGS: ReadonlySet<string> = new Set(tagNames);

/**
 * Whether `tag` is one of the library's elements (lower case, as compilers pass it). Vue:
 * `compilerOptions: { isCustomElement: isLibraryTag }`.
 */
export function isLibraryTag(tag: string): tag is TagName {
  return TAGS.has(tag);
}
