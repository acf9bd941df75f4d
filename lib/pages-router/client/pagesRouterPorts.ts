import Router from 'next/router';
import type { RouterPorts } from 'ssr-session-flow/core';
import { createPagesRouterReload } from './pagesRouterReload';

/** The pages router (`next/router`): a soft reload is a `_next/data` request for the same URL. */
export function pagesRouterPorts(): RouterPorts {
  const softReload = createPagesRouterReload(Router);
  return { reloadServerProps: softReload.reload, navigate: (url) => void Router.replace(url), hashInFlight: softReload.hashInFlight };
}
