import SuperTokens from 'supertokens-node';
import EmailPassword from 'supertokens-node/recipe/emailpassword';
import EmailVerification from 'supertokens-node/recipe/emailverification';
import Session from 'supertokens-node/recipe/session';
import SuperTokensInstance from 'supertokens-node/lib/build/supertokens';
import SessionRecipe from 'supertokens-node/lib/build/recipe/session/recipe';
import EmailPasswordRecipe from 'supertokens-node/lib/build/recipe/emailpassword/recipe';
import MultitenancyRecipe from 'supertokens-node/lib/build/recipe/multitenancy/recipe';
import UserMetadataRecipe from 'supertokens-node/lib/build/recipe/usermetadata/recipe';
import AccountLinkingRecipe from 'supertokens-node/lib/build/recipe/accountlinking/recipe';
import EmailVerificationRecipe from 'supertokens-node/lib/build/recipe/emailverification/recipe';
import JwtRecipe from 'supertokens-node/lib/build/recipe/jwt/recipe';
import OpenIdRecipe from 'supertokens-node/lib/build/recipe/openid/recipe';

// The SDK only allows its reset() functions in its own test mode.
process.env.TEST_MODE = 'testing';

export const API_DOMAIN = 'http://localhost:3001';
export const API_BASE_PATH = '/api/auth';

type SessionConfig = NonNullable<Parameters<typeof Session.init>[0]>;

export interface SdkOptions {
  connectionURI: string;
  apiKey?: string;
  session?: SessionConfig;
  /** Also initialise EmailVerification in this mode; links it would email land in `sentVerificationEmails`. */
  emailVerification?: 'REQUIRED' | 'OPTIONAL';
}

export interface SentResetEmail {
  email: string;
  passwordResetLink: string;
}

/** Reset links the SDK would have emailed, newest last. */
export const sentResetEmails: SentResetEmail[] = [];

export interface SentVerificationEmail {
  email: string;
  emailVerifyLink: string;
}

/** Verification links the SDK would have emailed, newest last. */
export const sentVerificationEmails: SentVerificationEmail[] = [];

/**
 * The SDK is a process-wide singleton: forget every recipe instance, the core version it
 * cached and its JWKS cache, then init it against the given core URL, as the app does.
 */
export function initSdk(options: SdkOptions): void {
  resetSdk();
  sentResetEmails.length = 0;
  sentVerificationEmails.length = 0;
  SuperTokens.init({
    framework: 'custom',
    supertokens: { connectionURI: options.connectionURI, apiKey: options.apiKey },
    appInfo: {
      appName: 'embedded-core-tests',
      apiDomain: API_DOMAIN,
      websiteDomain: 'http://localhost:3000',
      apiBasePath: API_BASE_PATH,
      websiteBasePath: '/auth',
    },
    recipeList: [
      EmailPassword.init({
        emailDelivery: {
          service: {
            sendEmail: async (input) => {
              sentResetEmails.push({ email: input.user.email, passwordResetLink: input.passwordResetLink });
            },
          },
        },
      }),
      Session.init(options.session),
      ...(options.emailVerification ? [emailVerificationRecipe(options.emailVerification)] : []),
    ],
  });
}

function emailVerificationRecipe(mode: 'REQUIRED' | 'OPTIONAL') {
  return EmailVerification.init({
    mode,
    emailDelivery: {
      service: {
        sendEmail: async (input) => {
          sentVerificationEmails.push({ email: input.user.email, emailVerifyLink: input.emailVerifyLink });
        },
      },
    },
  });
}

export function resetSdk(): void {
  SuperTokensInstance.reset();
  SessionRecipe.reset();
  EmailPasswordRecipe.reset();
  MultitenancyRecipe.reset();
  UserMetadataRecipe.reset();
  AccountLinkingRecipe.reset();
  EmailVerificationRecipe.reset();
  JwtRecipe.reset();
  OpenIdRecipe.reset();
}
