import { headers } from 'next/headers';
import type { SessionFlowMessages } from 'ssr-session-flow/machine';
import { loadMessages, pickLanguage } from './sessionFlowMessages';

/**
 * The session flow's words for an App Router request, in the visitor's language as the browser
 * states it (`Accept-Language`): a server layout hands them to `SessionBoundary` as a prop, plain
 * data. (A layout sees no search params, so `?lang=` is the pages router's alone.)
 */
export async function requestMessages(): Promise<SessionFlowMessages> {
  const accepted = ((await headers()).get('accept-language') ?? '')
    .split(',')
    .map((entry) => entry.split(';')[0]?.trim() ?? '')
    .filter(Boolean);
  return loadMessages(pickLanguage(null, accepted));
}
