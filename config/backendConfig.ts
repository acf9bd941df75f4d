import SuperTokens from 'supertokens-node';
import EmailPassword from 'supertokens-node/recipe/emailpassword';
import Session from 'supertokens-node/recipe/session';
import type { TypeInput } from 'supertokens-node/types';
import { appInfo } from './appInfo';
import { readCoreEnv, readSessionEnv } from './env';

/**
 * The SDK's default password-reset delivery posts to SuperTokens' hosted email service, which an
 * offline machine cannot reach; log the link instead so the flow still works locally.
 * Set SUPERTOKENS_EMAIL_DELIVERY=hosted to keep the SDK default.
 */
type EmailDeliveryConfig = NonNullable<NonNullable<Parameters<typeof EmailPassword.init>[0]>['emailDelivery']>;

const logPasswordResetLink: EmailDeliveryConfig = {
  service: {
    async sendEmail(input) {
      console.info(`[auth] password reset link for ${input.user.email}: ${input.passwordResetLink}`);
    },
  },
};

export function backendConfig(): TypeInput {
  const core = readCoreEnv();
  return {
    framework: 'express',
    supertokens: { connectionURI: core.connectionURI, apiKey: core.apiKey },
    appInfo,
    recipeList: [
      EmailPassword.init({
        emailDelivery: process.env.SUPERTOKENS_EMAIL_DELIVERY === 'hosted' ? undefined : logPasswordResetLink,
      }),
      // When cookieDomain changed, browsers hold cookies for both domains; SuperTokens clears the
      // older domain's on refresh when told which it was (without it, the refresh answers 500).
      Session.init({ olderCookieDomain: readSessionEnv().olderCookieDomain }),
    ],
    isInServerlessEnv: false,
  };
}

let initialised = false;

/** Idempotent: API routes and getServerSideProps both call it, in whatever order they load. */
export function ensureSuperTokensInit(): void {
  if (initialised) return;
  SuperTokens.init(backendConfig());
  initialised = true;
}
