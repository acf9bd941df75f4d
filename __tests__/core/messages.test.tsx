import { act, render, screen } from '@testing-library/react';
import { SessionBoundary } from 'ssr-session-flow/pages-router/client';
import { ENGLISH_MESSAGES, withMessages, type SessionFlowMessages } from 'ssr-session-flow/machine';
import { createFakeSessionFlowWorld, pagePropsFor, SAMPLE_VERDICTS } from 'ssr-session-flow/testing';
import { FRENCH_MESSAGES } from '../../config/frenchMessages';
import { loadedMessages, loadMessages, pickLanguage } from '../../config/sessionFlowMessages';

describe('messages', () => {
  it('lays overrides over English group by group, keeping every other word', () => {
    const messages = withMessages({ refreshing: 'One moment…', actions: { tryAgain: 'Retry' } });
    expect(messages.refreshing).toBe('One moment…');
    expect(messages.actions).toEqual({ ...ENGLISH_MESSAGES.actions, tryAgain: 'Retry' });
    expect(messages.stuck).toEqual(ENGLISH_MESSAGES.stuck);
  });

  it('types a whole dictionary so that a missing key fails the type-check', () => {
    const { actions: _left, ...withoutActions } = ENGLISH_MESSAGES;
    // @ts-expect-error A dictionary without `actions` is not a SessionFlowMessages.
    const incomplete: SessionFlowMessages = withoutActions;
    expect(incomplete).not.toHaveProperty('actions');
  });

  it('picks the demo language from ?lang= first, then the browser, then English', () => {
    expect(pickLanguage('fr', ['en-GB'])).toBe('fr');
    expect(pickLanguage(null, ['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage('xx', ['de'])).toBe('en');
  });

  it('has English at once and loads French on demand, once for any number of callers', async () => {
    expect(loadedMessages('en')).toBe(ENGLISH_MESSAGES);
    expect(loadedMessages('fr')).toBeUndefined();
    const [first, second] = await Promise.all([loadMessages('fr'), loadMessages('fr')]);
    expect(first).toBe(FRENCH_MESSAGES);
    expect(second).toBe(first);
    expect(loadedMessages('fr')).toBe(FRENCH_MESSAGES);
  });
});

describe('SessionBoundary in another language', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('announces the translated message in the live region and labels the buttons in it', async () => {
    const world = createFakeSessionFlowWorld({ url: 'http://localhost:3000/account' });
    world.recoveryAttempts.write(2); // budget spent: stuck at once, both buttons shown
    await act(async () => {
      render(
        <SessionBoundary pageProps={pagePropsFor(SAMPLE_VERDICTS.expired)} ports={world.ports} messages={FRENCH_MESSAGES}>
          <p>page</p>
        </SessionBoundary>,
      );
    });
    await act(async () => {
      jest.advanceTimersByTime(200);
    });

    expect(screen.getByRole('status')).toHaveTextContent(FRENCH_MESSAGES.stuck['server-rejects-refreshed-session']);
    expect(screen.getByRole('button', { name: 'Réessayer' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Se reconnecter' })).toBeVisible();
  });
});
