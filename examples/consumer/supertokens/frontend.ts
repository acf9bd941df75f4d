import SuperTokens from 'supertokens-auth-react';
import EmailPassword from 'supertokens-auth-react/recipe/emailpassword';
import Session from 'supertokens-auth-react/recipe/session';
import { publishSessionEventsToOtherTabs } from 'ssr-session-flow/client';
import { appInfo } from './appInfo';

if (typeof window !== 'undefined') {
  SuperTokens.init({
    appInfo,
    recipeList: [EmailPassword.init(), Session.init({ onHandleEvent: publishSessionEventsToOtherTabs() })],
  });
}
