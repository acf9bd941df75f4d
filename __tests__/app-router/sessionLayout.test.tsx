/** @jest-environment node */
import { Suspense, type ReactElement } from 'react';
import { SessionLayout } from 'ssr-session-flow/app-router/server';

jest.mock('next/headers', () => ({ headers: jest.fn(), cookies: jest.fn() }));

const SETTING = '__NEXT_CACHE_COMPONENTS';

/** What Next's build leaves of `process.env.__NEXT_CACHE_COMPONENTS` here: `'true'`, `'false'`, or nothing. */
function layoutWith(setting: string | undefined, props: { fallback?: ReactElement } = {}): ReactElement {
  if (setting === undefined) delete process.env[SETTING];
  else process.env[SETTING] = setting;
  try {
    return SessionLayout({ children: <p>page</p>, ...props }) as ReactElement;
  } finally {
    delete process.env[SETTING];
  }
}

const isSuspense = (element: ReactElement) => element.type === Suspense;

describe('SessionLayout', () => {
  it('checks without a <Suspense> where the build has cacheComponents off', () => {
    expect(isSuspense(layoutWith('false'))).toBe(false);
  });

  it('keeps the <Suspense> that cacheComponents needs where it is on', () => {
    const layout = layoutWith('true');
    expect(isSuspense(layout)).toBe(true);
    expect((layout.props as { fallback: unknown }).fallback).toBeNull();
  });

  it('keeps it where the setting is unknown (Next 14, code Next did not compile)', () => {
    expect(isSuspense(layoutWith(undefined))).toBe(true);
  });

  it('streams the app’s own fallback whatever the setting', () => {
    const fallback = <p>checking…</p>;
    const layout = layoutWith('false', { fallback });
    expect(isSuspense(layout)).toBe(true);
    expect((layout.props as { fallback: unknown }).fallback).toBe(fallback);
  });
});
