import type { InspectionEvent, Observer } from 'xstate';
import { createInspectForwarder, type InspectForwarder } from './inspectForwarder';
import { redactingInspectorOptions, type BrowserInspectorOptions } from './statelyInspector';
import { safeSessionStorage } from 'ssr-session-flow/core';
import { createTransitionLog } from './transitionLog';

export interface SessionFlowInspectOptions {
  /** The page's window (the inspector opens its own window from it); tests pass a fake. */
  window?: Window;
  /** Where the cross-reload log lives; defaults to the window's `sessionStorage`. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  pageId?: string;
  /** Extra inspector options, e.g. `iframe` or `url`; redaction cannot be switched off. */
  inspector?: Omit<BrowserInspectorOptions, 'window' | 'sanitizeContext' | 'sanitizeEvent' | 'serialize'>;
}

/**
 * Starts the Stately inspector for the session flow, or returns `undefined` (the normal case).
 * Only in development, only with `NEXT_PUBLIC_XSTATE_INSPECT=1`, only in a browser.
 *
 * `process.env.NODE_ENV` must stay a literal condition around the `import()`: Next inlines it, so
 * in a production build the branch is dead and `@statelyai/inspect` never reaches a chunk
 * (`npm run check:bundle` proves it). The package is imported lazily because at module scope on
 * the server it logs an error, and because nobody but the inspecting developer should load it.
 */
export function createSessionFlowInspect(options: SessionFlowInspectOptions = {}): InspectForwarder | undefined {
  if (process.env.NODE_ENV !== 'production') {
    const target = options.window ?? (typeof window === 'undefined' ? undefined : window);
    if (process.env.NEXT_PUBLIC_XSTATE_INSPECT === '1' && target) {
      return createInspectForwarder({
        load: async () => {
          const { createBrowserInspector } = await import('@statelyai/inspect');
          return createBrowserInspector({ ...options.inspector, window: target, ...redactingInspectorOptions() });
        },
        log: createTransitionLog(options.storage ?? safeSessionStorage(target)),
        pageId: options.pageId ?? newPageId(),
      });
    }
  }
  return undefined;
}

let shared: Observer<InspectionEvent> | undefined;

/** One inspector per document, whoever asks first: a boundary's default, or `sessionFlowInspect`. */
function sharedInspect(): Observer<InspectionEvent> | undefined {
  shared ??= createSessionFlowInspect()?.inspect;
  return shared;
}

/** In development, with the flag, in a browser: the conditions `createSessionFlowInspect` checks. */
function inspectorWanted(): boolean {
  return process.env.NODE_ENV !== 'production' && process.env.NEXT_PUBLIC_XSTATE_INSPECT === '1' && typeof window !== 'undefined';
}

/**
 * The inspector for an actor made outside a `SessionBoundary` (whose own default is the same one):
 * created once per document, before the actor, as `useActorRef` reads `inspect` only when it
 * creates the actor. `undefined` unless in development with the flag.
 */
export const sessionFlowInspect: Observer<InspectionEvent> | undefined = inspectorWanted() ? sharedInspect() : undefined;

function newPageId(): string {
  return `page-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

/**
 * What a `SessionBoundary`'s `inspect` option means: the document's development inspector unless
 * `false` (decided when the boundary first renders), or the app's own observer.
 */
export function boundaryInspect(option: Observer<InspectionEvent> | ((event: InspectionEvent) => void) | boolean | undefined) {
  if (option !== true && option !== undefined) return option === false ? undefined : option;
  return inspectorWanted() ? sharedInspect() : undefined;
}
