import { useEffect, useRef } from 'react';
import type { LoadingScreenProps } from './loadingScreenProps';
import { LOADING_SCREEN_CSS, LOADING_SCREEN_STYLE_ID } from './loadingScreenStyles';

/**
 * One compact block in the middle of the viewport: a spinner while the flow works on its own, the
 * message, and the buttons when the user has a choice. Light or dark with the system, still when
 * the user asks for reduced motion, and the first button focused when a decision is needed.
 */
export function DefaultLoadingScreen({ status, messages, retry, signInAgain, signInUrl }: LoadingScreenProps) {
  const waitsForUser = status.state === 'stuck' || status.canFollowSignInLink;
  const decisionNeeded = waitsForUser || status.canSignInAgain;
  const firstButton = useRef<HTMLButtonElement & HTMLAnchorElement>(null);

  useEffect(() => {
    // Only when the user must choose: a retrying spinner never steals focus.
    if (decisionNeeded) firstButton.current?.focus();
  }, [decisionNeeded, status.state]);

  return (
    <div className="ssf-screen">
      <style href={LOADING_SCREEN_STYLE_ID} precedence="default">
        {LOADING_SCREEN_CSS}
      </style>
      <div className="ssf-card">
        {/* A ring drawn by the stylesheet: no markup of its own to ship on every page. */}
        {waitsForUser ? null : <div className="ssf-spinner" aria-hidden="true" />}
        <p className="ssf-message" aria-hidden="true">
          {status.message}
        </p>
        {status.canFollowSignInLink ? (
          <div className="ssf-actions">
            <a ref={firstButton} className="ssf-button ssf-button-primary" href={signInUrl}>
              {messages.actions.goToSignIn}
            </a>
          </div>
        ) : null}
        {status.canRetry || status.canSignInAgain ? (
          <div className="ssf-actions">
            {status.canRetry ? (
              <button ref={firstButton} type="button" className="ssf-button ssf-button-primary" onClick={retry}>
                {messages.actions.tryAgain}
              </button>
            ) : null}
            {status.canSignInAgain ? (
              <button
                ref={status.canRetry ? undefined : firstButton}
                type="button"
                className="ssf-button"
                onClick={signInAgain}
              >
                {messages.actions.signInAgain}
              </button>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
