import { ENGLISH_MESSAGES, type SessionFlowMessages } from 'ssr-session-flow/machine';

export type DemoLanguage = 'en' | 'fr';

/**
 * Each dictionary but English is its own chunk, loaded when a visitor needs it: every page carries
 * the session flow's words, and one language's worth is enough for most of them.
 */
const LOADERS: Record<DemoLanguage, () => Promise<SessionFlowMessages>> = {
  en: async () => ENGLISH_MESSAGES,
  fr: async () => (await import('./frenchMessages')).FRENCH_MESSAGES,
};

/** `?lang=fr` wins; otherwise the browser's first language the demo speaks; English by default. */
export function pickLanguage(langParam: string | null, browserLanguages: readonly string[]): DemoLanguage {
  const candidates = [langParam, ...browserLanguages].filter((value): value is string => Boolean(value));
  for (const candidate of candidates) {
    const base = candidate.toLowerCase().split('-')[0];
    if (base === 'fr' || base === 'en') return base;
  }
  return 'en';
}

const loaded: Partial<Record<DemoLanguage, SessionFlowMessages>> = { en: ENGLISH_MESSAGES };
const loading = new Map<DemoLanguage, Promise<SessionFlowMessages>>();

/** The dictionary, if it is loaded already (English always is). */
export function loadedMessages(language: DemoLanguage): SessionFlowMessages | undefined {
  return loaded[language];
}

/** Loads a dictionary once, however many callers ask; a failed load may be asked for again. */
export function loadMessages(language: DemoLanguage): Promise<SessionFlowMessages> {
  const cached = loaded[language];
  if (cached) return Promise.resolve(cached);
  let pending = loading.get(language);
  if (!pending) {
    pending = LOADERS[language]().then(
      (messages) => (loaded[language] = messages),
      (error: unknown) => {
        loading.delete(language);
        throw error;
      },
    );
    loading.set(language, pending);
  }
  return pending;
}
