import type { LoadingScreenProps } from './loadingScreenProps';

/** A neutral, centred spinner; when the user has a choice, the buttons that make it. */
export function DefaultLoadingScreen({ status, retry, signInAgain }: LoadingScreenProps) {
  const waitsForUser = status.state === 'stuck';
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '60vh', gap: 16, fontFamily: 'system-ui, sans-serif' }}>
      {waitsForUser ? null : <Spinner />}
      <p aria-hidden="true" style={{ margin: 0, maxWidth: 420, textAlign: 'center' }}>
        {status.message}
      </p>
      {status.canRetry || status.canSignInAgain ? (
        <div style={{ display: 'flex', gap: 8 }}>
          {status.canRetry ? (
            <button type="button" onClick={retry}>
              Try again
            </button>
          ) : null}
          {status.canSignInAgain ? (
            <button type="button" onClick={signInAgain}>
              Sign in again
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function Spinner() {
  return (
    <svg width="40" height="40" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="16" fill="none" stroke="#d0d4da" strokeWidth="4" />
      <path d="M20 4 a16 16 0 0 1 16 16" fill="none" stroke="#2f6feb" strokeWidth="4" strokeLinecap="round">
        <animateTransform attributeName="transform" type="rotate" from="0 20 20" to="360 20 20" dur="0.9s" repeatCount="indefinite" />
      </path>
    </svg>
  );
}
