import { useEffect, useState, useSyncExternalStore } from 'react';
import { ENGLISH_MESSAGES, type SessionFlowMessages } from 'ssr-session-flow/machine';
import { loadedMessages, loadMessages, pickLanguage, type DemoLanguage } from '../config/sessionFlowMessages';

const noSubscription = () => () => {};
const onTheServer = (): DemoLanguage => 'en';
const inTheBrowser = (): DemoLanguage =>
  pickLanguage(new URLSearchParams(window.location.search).get('lang'), navigator.languages);

// Asked for while the page hydrates, so the words are there before the session flow shows any.
if (typeof window !== 'undefined') void loadMessages(inTheBrowser()).catch(() => undefined);

/**
 * The session flow's words in the visitor's language (`?lang=fr`, or the browser's). The server
 * renders no words of the flow, so English there and French after hydration never mismatch. The
 * URL is read again whenever `_app` renders, i.e. on every navigation. A language whose dictionary
 * has not arrived yet (or failed to) speaks English meanwhile.
 */
export function useDemoMessages(): SessionFlowMessages {
  const language = useSyncExternalStore(noSubscription, inTheBrowser, onTheServer);
  const [, setArrived] = useState<SessionFlowMessages | undefined>(undefined);
  useEffect(() => {
    document.documentElement.lang = language;
    if (loadedMessages(language)) return undefined;
    let current = true;
    loadMessages(language).then(
      (messages) => {
        if (current) setArrived(messages);
      },
      (error: unknown) => console.error(`ssr-session-flow demo: the ${language} messages did not load; English meanwhile`, error),
    );
    return () => {
      current = false;
    };
  }, [language]);
  return loadedMessages(language) ?? ENGLISH_MESSAGES;
}
