'use client';

import SuperTokens from 'supertokens-auth-react';
import Session from 'supertokens-auth-react/recipe/session';

export function SignOutButton() {
  return <button onClick={() => Session.signOut().then(() => SuperTokens.redirectToAuth())}>Sign out</button>;
}
