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

function decodeCookieValue(raw: string): string {
  const unquoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw;
  try {
    return decodeURIComponent(unquoted);
  } catch {
    return unquoted;
  }
}
