/**
 * Turns anything an inspector message may carry (snapshots, events, contexts) into plain JSON with
 * every secret replaced. The Stately inspector posts to another window with target origin `'*'`, and
 * the cross-reload log sits in `sessionStorage`, so neither may ever hold a user id, a token or a
 * cookie value. Redaction errs on the side of hiding too much: it is a development tool.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export const REDACTED = '[redacted]';

export interface RedactOptions {
  /** Deeper values become a marker, like the inspector's own `serializationDepthLimit`. */
  depthLimit?: number;
  /**
   * `false` for structures whose keys are names from code (state values, machine configs): a state
   * called `refreshingToken` is not a token. Strings are still redacted.
   */
  redactKeys?: boolean;
}

const SENSITIVE_KEYS: ReadonlySet<string> = new Set([
  'sub',
  'uid',
  'userid',
  'user',
  'email',
  'phone',
  'phonenumber',
  'authorization',
  'sessionhandle',
  'apikey',
  'jwt',
]);
// Substrings of a normalised key: `sAccessToken`, `st-refresh-token`, `set-cookie`, `antiCsrf`.
const SENSITIVE_KEY_PARTS = ['token', 'password', 'secret', 'cookie', 'anticsrf', 'credential'];

/** Whether the value stored under `key` must never leave the page. */
export function isSensitiveKey(key: string): boolean {
  const normalised = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return SENSITIVE_KEYS.has(normalised) || SENSITIVE_KEY_PARTS.some((part) => normalised.includes(part));
}

// `eyJ` is base64 for `{"`: every JWT and SuperTokens' base64-JSON front token starts with it.
const JWT_LIKE = /eyJ[A-Za-z0-9_\-+/=]{8,}(?:\.[A-Za-z0-9_\-+/=]*){0,2}/g;
const AUTH_SCHEME = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
const NAME_VALUE_PAIR = /([A-Za-z0-9_.-]+)=([^;&\s,]+)/g;
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const EMAIL = /[^\s@"'<>()[\]{},;:]+@[^\s@"'<>()[\]{},;:]+\.[A-Za-z]{2,}/g;
// Opaque random tokens (refresh tokens, session handles) as long runs of mixed-case letters and digits.
const OPAQUE_RUN = /[A-Za-z0-9+/_=-]{40,}/g;

function looksOpaque(run: string): boolean {
  return /[0-9]/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run);
}

/** Hides token-shaped substrings of free text: JWTs, auth headers, cookie pairs, ids, e-mails. */
export function redactString(text: string): string {
  return text
    .replace(JWT_LIKE, `${REDACTED}:jwt`)
    .replace(AUTH_SCHEME, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(NAME_VALUE_PAIR, (pair, name: string) => (isSensitiveKey(name) ? `${name}=${REDACTED}` : pair))
    .replace(UUID, `${REDACTED}:uuid`)
    .replace(EMAIL, `${REDACTED}:email`)
    .replace(OPAQUE_RUN, (run) => (looksOpaque(run) ? `${REDACTED}:opaque` : run));
}

/**
 * A JSON copy of `value` with sensitive keys and token-shaped strings redacted. Follows
 * `JSON.stringify` (honours `toJSON`, drops functions and `undefined` members) so machine snapshots
 * come out as the inspector expects them; cycles and over-deep values become markers.
 */
export function redactForInspector(
  value: unknown,
  { depthLimit = 10, redactKeys = true }: RedactOptions = {},
): JsonValue {
  const ancestors = new Set<object>();

  const visit = (current: unknown, depth: number): JsonValue | undefined => {
    if (current === null) return null;
    switch (typeof current) {
      case 'string':
        return redactString(current);
      case 'number':
        return Number.isFinite(current) ? current : null;
      case 'boolean':
        return current;
      case 'bigint':
        return current.toString();
      case 'object':
        break;
      default:
        return undefined;
    }
    const object = current as object;
    if (ancestors.has(object)) return '[circular]';
    if (depth >= depthLimit) return '[depth limit]';
    const toJSON = (object as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') return visit(toJSON.call(object), depth);
    if (object instanceof Error) return { name: object.name, message: redactString(object.message) };

    ancestors.add(object);
    try {
      if (Array.isArray(object)) return object.map((item) => visit(item, depth + 1) ?? null);
      const copy: { [key: string]: JsonValue } = {};
      for (const [key, member] of Object.entries(object)) {
        if (redactKeys && isSensitiveKey(key)) {
          if (member !== undefined) copy[key] = member === null ? null : REDACTED;
          continue;
        }
        const redacted = visit(member, depth + 1);
        if (redacted !== undefined) copy[key] = redacted;
      }
      return copy;
    } finally {
      ancestors.delete(object);
    }
  };

  return visit(value, 0) ?? null;
}
