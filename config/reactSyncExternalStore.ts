/**
 * Stands in for `use-sync-external-store/shim` in the demo's browser bundles (next.config.ts).
 * @xstate/react imports that shim of `useSyncExternalStore` for React 17; React 18 and later have
 * the hook itself, and the shim only costs bytes on every page. Any app on React 18+ can alias it
 * the same way (the README's "A lighter first load").
 */
export { useSyncExternalStore } from 'react';
