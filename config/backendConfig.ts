import SuperTokens from 'supertokens-node';
import EmailPassword from 'supertokens-node/recipe/emailpassword';
import { SMTPService as EmailPasswordSmtp } from 'supertokens-node/recipe/emailpassword/emaildelivery';
import EmailVerification from 'supertokens-node/recipe/emailverification';
import { SMTPService as EmailVerificationSmtp } from 'supertokens-node/recipe/emailverification/emaildelivery';
import Session from 'supertokens-node/recipe/session';
import type { TypeInput } from 'supertokens-node/types';
import { appInfo } from './appInfo';
import {
  isEmailVerificationRequired,
  isProduction,
  readCoreEnv,
  readEmailDelivery,
  readSessionEnv,
  ServerConfigError,
  type EmailDelivery,
  type Env,
} from './env';

type ResetDelivery = NonNullable<NonNullable<Parameters<typeof EmailPassword.init>[0]>['emailDelivery']>;
type VerifyDelivery = NonNullable<NonNullable<Parameters<typeof EmailVerification.init>[0]>['emailDelivery']>;

/**
 * Where reset and verification links go (SUPERTOKENS_EMAIL_DELIVERY, see config/env.ts): SMTP,
 * SuperTokens' hosted service (the SDK default, needs internet), or the server log, which
 * development uses by default and production only when asked for by name.
 */
function resetDelivery(delivery: EmailDelivery): ResetDelivery | undefined {
  if (delivery.kind === 'hosted') return undefined;
  if (delivery.kind === 'smtp') return { service: new EmailPasswordSmtp({ smtpSettings: delivery.smtp }) };
  return {
    service: {
      async sendEmail(input) {
        console.info(`[auth] password reset link for ${input.user.email}: ${input.passwordResetLink}`);
      },
    },
  };
}

function verifyDelivery(delivery: EmailDelivery): VerifyDelivery | undefined {
  if (delivery.kind === 'hosted') return undefined;
  if (delivery.kind === 'smtp') return { service: new EmailVerificationSmtp({ smtpSettings: delivery.smtp }) };
  return {
    service: {
      async sendEmail(input) {
        console.info(`[auth] email verification link for ${input.user.email}: ${input.emailVerifyLink}`);
      },
    },
  };
}

/** Throws ServerConfigError, naming what to set, when production would be unsafe or broken. */
export function backendConfig(env: Env = process.env): TypeInput {
  const core = readCoreEnv(env);
  const delivery = readEmailDelivery(env);
  return {
    framework: 'express',
    supertokens: { connectionURI: core.connectionURI, apiKey: core.apiKey },
    appInfo,
    recipeList: [
      EmailPassword.init({ emailDelivery: resetDelivery(delivery) }),
      ...(isEmailVerificationRequired()
        ? [EmailVerification.init({ mode: 'REQUIRED', emailDelivery: verifyDelivery(delivery) })]
        : []),
      // When cookieDomain changed, browsers hold cookies for both domains; SuperTokens clears the
      // older domain's on refresh when told which it was (without it, the refresh answers 500).
      Session.init({ olderCookieDomain: readSessionEnv(env).olderCookieDomain }),
    ],
    isInServerlessEnv: false,
  };
}

let initialised = false;

/**
 * Idempotent: API routes and getServerSideProps both call it, in whatever order they load. The
 * server calls it at start (instrumentation.ts). A production server with a setting it refuses
 * exits there with the message: Next would otherwise keep running and answer every request
 * with a 500, which a process supervisor cannot tell from a healthy start.
 */
export function ensureSuperTokensInit(): void {
  if (initialised) return;
  let config: TypeInput;
  try {
    config = backendConfig();
  } catch (error) {
    if (error instanceof ServerConfigError && isProduction()) {
      console.error(`[config] Refusing to start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  SuperTokens.init(config);
  initialised = true;
}
