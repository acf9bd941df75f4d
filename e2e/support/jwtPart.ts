/**
 * A part of a JWT (its header or its payload) as the object it encodes, read without checking the
 * signature: the tests only ask which key signed a token, when it expires, or whose session it is.
 * A part that is missing or is not JSON of an object reads as `{}`, so each caller says which claim
 * it missed.
 */
export function jwtPart(token: string, part: 'header' | 'payload'): Record<string, unknown> {
  const encoded = token.split('.')[part === 'header' ? 0 : 1] ?? '';
  try {
    const decoded: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return typeof decoded === 'object' && decoded !== null && !Array.isArray(decoded) ? (decoded as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
