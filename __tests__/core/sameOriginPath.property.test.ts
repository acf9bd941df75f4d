import fc from 'fast-check';
import { toSameOriginPath } from '../../lib/core/sameOriginPath';

const ORIGIN = 'https://app.example.com';

/** Pieces attackers put in a return-to target, in any order and number. */
const FRAGMENTS = [
  '/', '//', '///', '\\', '\\\\', '/\\', '\\/', '%2f', '%2F', '%5c', '%5C', '%252f',
  '.', '..', '%2e', '%2E', '.%2e', '%2e%2e', './', '../', '/./', '/../',
  '\t', '\n', '\r', ' ', '%09', '%0a', '%00', '\u0000',
  'http:', 'https:', 'HTTPS:', 'javascript:', 'data:', 'file:', 'ftp:', 'ws:', 'blob:', 'vbscript:',
  'evil.com', 'evil.com.', 'app.example.com.evil.com', 'localhost', '127.0.0.1', '[::1]', '0x7f.1', 'xn--80ak6aa92e.com',
  '@', 'user@', 'user:pass@', 'app.example.com@evil.com', '%40',
  '\uff0f', '\u2044', '\u2215', '\uff3c', '\u3002', '\ufe68', '\u29f8', '\u00b7',
  '?', '?next=//evil.com', '#', '#//evil.com', '&', '=', ':', ';', '%', 'a', 'b/c',
];

const target = fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

describe('toSameOriginPath, property-based', () => {
  it('never returns a path that leaves the origin, starts with // or /\\, or is not a path (10,000 targets)', () => {
    fc.assert(
      fc.property(target, (input) => {
        const result = toSameOriginPath(input, ORIGIN);
        if (result === null) return;
        expect(result.startsWith('/')).toBe(true);
        expect(result.startsWith('//')).toBe(false);
        expect(result.startsWith('/\\')).toBe(false);
        // Used as a redirect target (Location header, router, `location.assign`), it stays here.
        expect(new URL(result, ORIGIN).origin).toBe(ORIGIN);
        expect(new URL(result, `${ORIGIN}/some/deep/page?x=1`).origin).toBe(ORIGIN);
      }),
      { numRuns: 10_000 },
    );
  });

  it('keeps every ordinary same-origin path, query and hash exactly (2,000 paths)', () => {
    const segment = fc.stringMatching(/^[a-z0-9_-]{1,10}$/);
    const ordinary = fc
      .tuple(fc.array(segment, { minLength: 0, maxLength: 4 }), fc.option(segment, { nil: undefined }), fc.option(segment, { nil: undefined }))
      .map(([segments, query, hash]) => `/${segments.join('/')}${query ? `?q=${query}` : ''}${hash ? `#${hash}` : ''}`);
    fc.assert(
      fc.property(ordinary, (path) => {
        expect(toSameOriginPath(path, ORIGIN)).toBe(path);
        expect(toSameOriginPath(`${ORIGIN}${path}`, ORIGIN)).toBe(path);
      }),
      { numRuns: 2_000 },
    );
  });
});
