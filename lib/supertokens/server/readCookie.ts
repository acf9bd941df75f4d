/**
 * Every value of cookie `name` in a `Cookie` header, in the order the browser sent them (the most
 * specific path first). Never throws: a malformed header or a bad percent-escape is a client's
 * problem, not a 500.
 */
export function readCookies(header: string | string[] | undefined, name: string): string[] {
  const joined = Array.isArray(header) ? header.join('; ') : header;
  if (!joined) return [];
  const values: string[] = [];
  for (const pair of joined.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() !== name) continue;
    values.push(decodeCookieValue(pair.slice(separator + 1).trim()));
  }
  return values;
}

/**
 * The `Cookie` header with cookie `name` sent once, with the value `keep` (or not at all when
 * `keep` is undefined); every other cookie as it was.
 */
export function keepOneCookieValue(header: string, name: string, keep: string | undefined): string {
  let kept = false;
  const pairs = header.split(';').filter((pair) => {
    const separator = pair.indexOf('=');
    if (separator === -1 || pair.slice(0, separator).trim() !== name) return true;
    if (kept || keep === undefined || decodeCookieValue(pair.slice(separator + 1).trim()) !== keep) return false;
    kept = true;
    return true;
  });
  return pairs.map((pair) => pair.trim()).filter((pair) => pair.length > 0).join('; ');
}

function decodeCookieValue(raw: string): string {
  const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return unquoted;
  }
}
