/** @jest-environment node */
import { createVerifiedTokenCache } from '../../lib/supertokens/server/verifiedTokenCache';

const NOW = 1_700_000_000_000;
const payload = (expSeconds: number) => ({ sub: 'u1', exp: expSeconds });

describe('verified token cache', () => {
  it('answers a remembered token until its own expiry, and not a millisecond longer', () => {
    const cache = createVerifiedTokenCache();
    cache.remember('t', payload(NOW / 1000 + 60));
    expect(cache.get('t', NOW)).toEqual(payload(NOW / 1000 + 60));
    expect(cache.get('t', NOW + 59_999)).toBeDefined();
    expect(cache.get('t', NOW + 60_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('misses on any other string, so a changed token is verified afresh', () => {
    const cache = createVerifiedTokenCache();
    cache.remember('header.payload.signature', payload(NOW / 1000 + 60));
    expect(cache.get('header.payload.signaturE', NOW)).toBeUndefined();
    expect(cache.get('header.payload.signature ', NOW)).toBeUndefined();
  });

  it('never stores a payload without a numeric expiry', () => {
    const cache = createVerifiedTokenCache();
    cache.remember('t', { sub: 'u1' });
    cache.remember('u', { sub: 'u1', exp: '9999999999' });
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry beyond its bound', () => {
    const cache = createVerifiedTokenCache(2);
    cache.remember('a', payload(NOW / 1000 + 60));
    cache.remember('b', payload(NOW / 1000 + 60));
    cache.get('a', NOW);
    cache.remember('c', payload(NOW / 1000 + 60));
    expect(cache.get('b', NOW)).toBeUndefined();
    expect(cache.get('a', NOW)).toBeDefined();
    expect(cache.get('c', NOW)).toBeDefined();
  });
});
