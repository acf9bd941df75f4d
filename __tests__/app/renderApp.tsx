import { act, render, screen, within } from '@testing-library/react';
import type { AppProps } from 'next/app';
import type { Router } from 'next/router';
import { StrictMode, type ComponentType } from 'react';
import { readSessionVerdict } from 'ssr-session-flow/machine';
import type { FakeSessionFlowWorld } from '../../lib/testing/fakePorts';

// `_app` passes the session flow ports of config/sessionConfig.ts, which send the sign-in redirect
// through the Next router: here they are the test's fake world, which records that redirect too.
jest.mock('../../lib/core/browserPorts', () => ({
  ...jest.requireActual<typeof import('../../lib/core/browserPorts')>('../../lib/core/browserPorts'),
  createBrowserPorts: () => jest.requireActual<typeof import('./renderApp')>('./renderApp').currentWorldPorts(),
}));

/**
 * Renders the real `pages/_app` around a stub page. The boundary's `createBrowserPorts` is replaced by the
 * test's fake world (see `jest.mock` in each test file): the seam between the runtime and
 * SuperTokens / the Next router / `window`.
 */
export function ProtectedStub(props: { sessionVerdict?: { status: string; userId?: string } }) {
  const userId = props.sessionVerdict?.status === 'ok' ? props.sessionVerdict.userId : undefined;
  return <p data-testid="page">{userId ? `Content for ${userId}` : 'Public content'}</p>;
}

/** What the router renders for props that carry no verdict: another page, a public one. */
export function PublicStub() {
  return <p data-testid="page">Public content</p>;
}

export const worldHolder: { current: FakeSessionFlowWorld | null; actorsCreated: number } = {
  current: null,
  actorsCreated: 0,
};

/** Stands in for `createBrowserPorts`, which `_app` calls once per session-flow actor it creates. */
export function currentWorldPorts() {
  if (!worldHolder.current) throw new Error('Set worldHolder.current before rendering _app');
  worldHolder.actorsCreated += 1;
  return worldHolder.current.ports;
}

export interface RenderedApp {
  showPageProps(pageProps: object): Promise<void>;
  unmount(): void;
}

export async function renderApp(
  pageProps: object,
  { strict = false, Component = ProtectedStub as ComponentType<object> }: { strict?: boolean; Component?: ComponentType<object> } = {},
): Promise<RenderedApp> {
  const { default: App } = await import('../../pages/_app');
  const element = (props: object) => {
    const Page = readSessionVerdict(props) ? Component : PublicStub;
    const appProps = { Component: Page, pageProps: props, router: {} as Router } as AppProps;
    return strict ? (
      <StrictMode>
        <App {...appProps} />
      </StrictMode>
    ) : (
      <App {...appProps} />
    );
  };
  let utils!: ReturnType<typeof render>;
  await act(async () => {
    utils = render(element(pageProps));
  });
  return {
    showPageProps: async (next) => {
      await act(async () => {
        utils.rerender(element(next));
      });
    },
    unmount: () => utils.unmount(),
  };
}

export function loadingRegion(): HTMLElement | null {
  return document.querySelector('[data-session-flow="loading"]');
}

export function liveRegionText(): string {
  const region = loadingRegion();
  return region ? within(region).getByRole('status').textContent ?? '' : '';
}

export function pageText(): string | null {
  return screen.queryByTestId('page')?.textContent ?? null;
}
