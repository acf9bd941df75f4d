/** @jest-environment node */
import { generateKeyPairSync, sign, verify } from 'node:crypto';
import { createBoundedCache } from '../../embedded-core/boundedCache';
import { privateKeyOf, publicKeyOf, signingKeyObjects } from '../../embedded-core/tokens/signingKeys';

describe('bounded cache', () => {
  it('never holds more entries than its limit and evicts the least recently used first', () => {
    const cache = createBoundedCache<string, string>(2);
    const created: string[] = [];
    const get = (key: string) => cache.get(key, () => (created.push(key), key.toUpperCase()));

    get('a');
    get('b');
    get('a'); // a is now the most recently used
    get('c'); // evicts b
    get('a');
    get('b'); // recreated

    expect(cache.size).toBe(2);
    expect(created).toEqual(['a', 'b', 'c', 'b']);
  });
});

describe('signing key objects', () => {
  it('stays within its limit when more keys are used than it holds, and every key still signs and verifies', () => {
    const keys = Array.from({ length: signingKeyObjects.limit + 8 }, (_, index) => testKey(index));

    const verified = keys.map(signsAndVerifies);
    const evictedAndBack = signsAndVerifies(keys[0] ?? testKey(0));

    expect(signingKeyObjects.size).toBeLessThanOrEqual(signingKeyObjects.limit);
    expect(verified.every(Boolean)).toBe(true);
    expect(evictedAndBack).toBe(true);
  });
});

function signsAndVerifies(key: ReturnType<typeof testKey>): boolean {
  const signature = sign('sha256', Buffer.from(key.kid), privateKeyOf(key));
  return verify('sha256', Buffer.from(key.kid), publicKeyOf(key), signature);
}

/** 1024-bit keys: enough to exercise the cache, and fast to generate (production keys are 2048-bit). */
function testKey(index: number) {
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 1024,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { kid: `d-${index}`, createdAt: index, privateKeyPem: privateKey };
}
