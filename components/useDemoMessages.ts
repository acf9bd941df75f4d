import { useEffect, useSyncExternalStore } from 'react';
import type { SessionFlowMessages } from 'ssr-session-flow/machine';
import { messagesFor, pickLanguage, type DemoLanguage } from '../config/sessionFlowMessages';

const noSubscription = () => () => {};
const onTheServer = (): DemoLanguage => 'en';
const inTheBrowser = (): DemoLanguage =>
  pickLanguage(new URLSearchParams(window.location.search).get('lang'), navigator.languages);

/**
 * The session flow's words in the visitor's language (`?lang=fr`, or the browser's). The server
 * renders no words of the flow, so English there and French after hydration never mismatch. The
 * URL is read again whenever `_app` renders, i.e. on every navigation.
 */
export function useDemoMessages(): SessionFlowMessages {
  const language = useSyncExternalStore(noSubscription, inTheBrowser, onTheServer);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return messagesFor(language);
}
