import SuperTokens from 'supertokens-node';
import EmailPassword from 'supertokens-node/recipe/emailpassword';
import Session from 'supertokens-node/recipe/session';
import { appInfo } from './appInfo';

let initialised = false;

export function initBackend(): void {
  if (initialised) return;
  initialised = true;
  SuperTokens.init({
    framework: 'express',
    supertokens: { connectionURI: process.env.SUPERTOKENS_CONNECTION_URI ?? 'http://127.0.0.1:3567' },
    appInfo,
    recipeList: [EmailPassword.init(), Session.init()],
  });
}
