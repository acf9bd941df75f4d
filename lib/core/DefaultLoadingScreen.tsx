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
      <div className="ssf-card" data-session-flow-part="card">
        {waitsForUser ? null : <Spinner />}
        <p className="ssf-message" aria-hidden="true" data-session-flow-part="message">
          {status.message}
        </p>
        {status.canFollowSignInLink ? (
          <div className="ssf-actions" data-session-flow-part="actions">
            <a ref={firstButton} className="ssf-button ssf-button-primary" href={signInUrl}>
              {messages.actions.goToSignIn}
            </a>
          </div>
        ) : null}
        {status.canRetry || status.canSignInAgain ? (
          <div className="ssf-actions" data-session-flow-part="actions">
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

function Spinner() {
  return (
    <svg className="ssf-spinner" data-session-flow-part="spinner" width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <circle className="ssf-spinner-track" cx="20" cy="20" r="16" fill="none" strokeWidth="4" />
      <path className="ssf-spinner-arc" d="M20 4 a16 16 0 0 1 16 16" fill="none" strokeWidth="4" strokeLinecap="round" />
    </svg>
  );
}
