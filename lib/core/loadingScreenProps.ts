import type { ReactNode } from 'react';
import type { SessionFlowMessages, SessionFlowStatus } from 'ssr-session-flow/machine';

/** What a loading UI gets: the status to show, and the user's ways out. */
export interface LoadingScreenProps {
  status: SessionFlowStatus;
  /** The app's words (button labels among them); `status.message` is already in them. */
  messages: SessionFlowMessages;
  /** Start recovery again (e.g. from `stuck` or `offline`). */
  retry(): void;
  /** Give up on this session: sign out, go to sign in, and come back here afterwards. */
  signInAgain(): void;
  /** The sign-in page, this page as the way back: a link to it when `status.canFollowSignInLink`. */
  signInUrl: string;
}

/** A page may bring its own loading UI: `MyPage.renderSessionLoading = (props) => ...`. */
export interface WithSessionLoading {
  renderSessionLoading?: (props: LoadingScreenProps) => ReactNode;
}
