import type { RefreshFailureCause } from 'ssr-session-flow/machine';

/** The message supertokens-node gives when a refresh carries two session cookies of one name. */
const DUPLICATE_COOKIES_TEXT = 'multiple session cookies';
/** supertokens-website's error for a successful refresh whose answer has no `front-token` header. */
const MISSING_FRONT_TOKEN_TEXT = "'front-token' header is missing";

interface ResponseLike {
  status: number;
  clone?: () => { text(): Promise<string> };
  text?: () => Promise<string>;
}

/**
 * What fetch throws when a request gets no answer, in Chromium, Firefox, Safari and Node's undici
 * ("Failed to fetch", "NetworkError when attempting to fetch resource.", "Load failed",
 * "fetch failed"); an aborted fetch is an `AbortError`.
 */
const NO_ANSWER = /failed to fetch|networkerror|network error|load failed|fetch failed|network request failed/i;

/**
 * supertokens-website rethrows what went wrong: the fetch `TypeError` when the request never got
 * an answer, the `Response` itself for an unexpected status, or its own `Error` when a 200 lacks
 * the `front-token` header. A 401 never gets here: the SDK turns it into `false`. A 5xx is read,
 * not just counted: the duplicate-cookie answer is a configuration fault, not an outage. Anything
 * else is a bug (`getReferenceOrThrow is not a function`, an SDK not initialised): retrying
 * for ever would hide it behind "offline", so it is `unexpected`.
 */
export async function classifyRefreshFailure(error: unknown): Promise<RefreshFailureCause> {
  if (isResponseLike(error)) {
    const body = await readBody(error);
    return body.toLowerCase().includes(DUPLICATE_COOKIES_TEXT) ? 'duplicate-cookies' : 'server';
  }
  if (error instanceof Error && error.message.includes(MISSING_FRONT_TOKEN_TEXT)) return 'missing-front-token';
  if (isNoAnswer(error)) return 'network';
  return 'unexpected';
}

function isNoAnswer(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { name, message } = error as { name?: unknown; message?: unknown };
  return name === 'AbortError' || (name === 'TypeError' && typeof message === 'string' && NO_ANSWER.test(message));
}

function isResponseLike(error: unknown): error is ResponseLike {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

async function readBody(response: ResponseLike): Promise<string> {
  try {
    const readable = typeof response.clone === 'function' ? response.clone() : response;
    return typeof readable.text === 'function' ? await readable.text() : '';
  } catch {
    // a body already read or a connection cut mid-body: the status alone decides
    return '';
  }
}
