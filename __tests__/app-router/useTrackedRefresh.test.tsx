import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { useTrackedRefresh } from 'ssr-session-flow/app-router/client';

/** Stands in for the App Router: `refresh()` re-renders what the server sent, in the caller's transition. */
const app: { rerender: (() => void) | null } = { rerender: null };
jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => app.rerender?.(), replace: jest.fn() }) }));

describe('useTrackedRefresh', () => {
  it('resolves true once the refreshed render is on screen, not before', async () => {
    let refresh: () => Promise<boolean> = async () => false;
    function Harness() {
      const [version, setVersion] = useState(0);
      app.rerender = () => setVersion((v) => v + 1);
      refresh = useTrackedRefresh();
      return <p data-testid="version">{version}</p>;
    }
    const view = render(<Harness />);
    let seenAtResolution: string | null = null;
    let refreshed: Promise<boolean> = Promise.resolve(false);

    await act(async () => {
      refreshed = refresh().then((completed) => {
        seenAtResolution = view.getByTestId('version').textContent;
        return completed;
      });
    });

    await expect(refreshed).resolves.toBe(true);
    expect(seenAtResolution).toBe('1');
  });
});
