/**
 * The value of cookie `name` in a `Cookie` header, or `undefined`. Never throws: a malformed
 * header or a bad percent-escape is a client's problem, not a 500. With duplicates the first wins,
 * as in the SuperTokens SDK (browsers send the most specific path first).
 */
export function readCookie(header: string | string[] | undefined, name: string): string | undefined {
  const joined = Array.isArray(header) ? header.join('; ') : header;
  if (!joined) return undefined;
  for (const pair of joined.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() !== name) continue;
    const raw = pair.slice(separator + 1).trim().replace(/^"(.*)"$/, '$1');
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}
