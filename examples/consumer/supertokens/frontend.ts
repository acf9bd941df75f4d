import SuperTokens from 'supertokens-auth-react';
import EmailPassword from 'supertokens-auth-react/recipe/emailpassword';
import Session from 'supertokens-auth-react/recipe/session';
import { authReactConfig, sessionRecipeConfig } from 'ssr-session-flow/supertokens/client';
import { appInfo } from './appInfo';

if (typeof window !== 'undefined') {
  // authReactConfig keeps every sign-in on this site, whatever `?redirectToPath=` a link carries.
  SuperTokens.init(authReactConfig({ appInfo, recipeList: [EmailPassword.init(), Session.init(sessionRecipeConfig())] }));
}
