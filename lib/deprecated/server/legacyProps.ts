import type { SessionPageProps } from 'ssr-session-flow/machine';

/** Props as 0.3 returned them: the verdict also under its old name, `sessionOutcome`. */
export type LegacySessionPageProps<P extends object> = SessionPageProps<P> & { sessionOutcome: SessionPageProps<P>['sessionVerdict'] };

export function withLegacyVerdictProp<P extends object>(props: SessionPageProps<P>): LegacySessionPageProps<P> {
  return { ...props, sessionOutcome: props.sessionVerdict } as LegacySessionPageProps<P>;
}

/** Where 0.3's `createSessionOutcomeApi` was mounted by default. */
export const DEFAULT_SESSION_OUTCOME_ENDPOINT = '/api/session-outcome';
