import { act } from '@testing-library/react';
import type { AppProps } from 'next/app';
import type { Router } from 'next/router';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import App from '../../pages/_app';
import { createFakeSessionFlowWorld } from '../../lib/testing/fakePorts';
import { pagePropsFor, SAMPLE_VERDICTS } from '../../lib/testing/sessionFlowTestModel';
import { loadingRegion, ProtectedStub, worldHolder } from './renderApp';

jest.mock('../../lib/core/browserPorts', () => ({
  createBrowserPorts: () => jest.requireActual<typeof import('./renderApp')>('./renderApp').currentWorldPorts(),
}));

/** console.error fails these tests (see setupTests): React reports hydration mismatches there. */
describe('_app hydration', () => {
  it.each([
    ['an expired session', pagePropsFor(SAMPLE_VERDICTS.expired), 0],
    ['an expired session whose tab already spent its recovery budget', pagePropsFor(SAMPLE_VERDICTS.expired), 2],
    ['an accepted session', pagePropsFor(SAMPLE_VERDICTS.ok), 0],
    ['a public page', {}, 0],
  ])('hydrates the server markup for %s without a mismatch', async (_case, pageProps, spentAttempts) => {
    // The server has no sessionStorage: it always starts with an unspent budget.
    worldHolder.current = createFakeSessionFlowWorld();
    const html = renderToString(<App {...appProps(pageProps)} />);

    worldHolder.current = createFakeSessionFlowWorld({ storedRecoveryAttempts: spentAttempts });
    const container = document.createElement('div');
    container.innerHTML = html;
    document.body.appendChild(container);
    const recoverableErrors: unknown[] = [];
    let root!: ReturnType<typeof hydrateRoot>;
    await act(async () => {
      root = hydrateRoot(container, <App {...appProps(pageProps)} />, {
        onRecoverableError: (error) => recoverableErrors.push(error),
      });
    });

    expect(recoverableErrors).toEqual([]);
    if ('fromSupertokens' in pageProps) expect(loadingRegion()).not.toBeNull();
    act(() => root.unmount());
    container.remove();
  });
});

function appProps(pageProps: object): AppProps {
  return { Component: ProtectedStub, pageProps, router: {} as Router } as AppProps;
}
