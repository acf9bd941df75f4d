import { toSameOriginPath } from '../../lib/core/sameOriginPath';

const ORIGIN = 'https://app.example.com';

describe('toSameOriginPath', () => {
  it.each([
    ['/account', '/account'],
    ['/account?tab=keys#api', '/account?tab=keys#api'],
    ['account', '/account'],
    ['https://app.example.com/x?y=1', '/x?y=1'],
    ['/a/../b', '/b'],
    ['', '/'],
    // Same scheme without slashes is relative by the URL standard: a path here, not a host.
    ['https:evil.com', '/evil.com'],
  ])('keeps %j on this origin as %j', (target, expected) => {
    expect(toSameOriginPath(target, ORIGIN)).toBe(expected);
  });

  it.each([
    '//evil.com',
    '/\\evil.com',
    '\\\\evil.com',
    '/\t/evil.com',
    'https://evil.com/app.example.com',
    'http://app.example.com/',
    'https://app.example.com.evil.com/',
    'https://user@evil.com',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'http://[::1',
  ])('refuses %j, which leaves the origin or is not a URL', (target) => {
    expect(toSameOriginPath(target, ORIGIN)).toBeNull();
  });
});
