import { classifyRefreshFailure } from '../../lib/supertokens/client/classifyRefreshFailure';
import { refreshFailure } from '../../lib/testing/refreshFailures';

describe('classifyRefreshFailure', () => {
  it.each([
    ['a fetch TypeError', new TypeError('Failed to fetch'), 'network'],
    ['an abort', new DOMException('aborted', 'AbortError'), 'network'],
    ['a 503 with a plain body', { status: 503, clone: () => ({ text: async () => 'down' }) }, 'server'],
    ['a Response-like object without a body', { status: 500 }, 'server'],
    ['a body that cannot be read', { status: 500, clone: () => ({ text: () => Promise.reject(new TypeError('used')) }) }, 'server'],
    ['the backend naming duplicate session cookies', refreshFailure('duplicate-cookies'), 'duplicate-cookies'],
    ["the SDK's error for a 200 without front-token", refreshFailure('missing-front-token'), 'missing-front-token'],
    ["Firefox's and Safari's words for no answer", new TypeError('NetworkError when attempting to fetch resource.'), 'network'],
    ['Safari', new TypeError('Load failed'), 'network'],
    ['a bug before any request (0.3 built with webpack)', refreshFailure('unexpected'), 'unexpected'],
    ['an SDK that was never initialised', new Error('init function not called'), 'unexpected'],
    ['anything else', 'boom', 'unexpected'],
  ])('classifies %s', async (_name, error, expected) => {
    await expect(classifyRefreshFailure(error)).resolves.toBe(expected);
  });

  it('reads a clone, so the response body stays readable for whoever else wants it', async () => {
    const response = refreshFailure('duplicate-cookies') as { text(): Promise<string> };
    await classifyRefreshFailure(response);
    await expect(response.text()).resolves.toContain('multiple session cookies');
  });
});
