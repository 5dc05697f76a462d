// Svelte-check reads this folder's config (and not the library's vite.config.ts above it).
export default {};
