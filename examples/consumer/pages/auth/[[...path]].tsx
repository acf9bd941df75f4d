import dynamic from 'next/dynamic';
import { useEffect } from 'react';
import { EmailPasswordPreBuiltUI } from 'supertokens-auth-react/recipe/emailpassword/prebuiltui';
import { getRoutingComponent } from 'supertokens-auth-react/ui';
import { watchSignInPageForSession } from 'ssr-session-flow/supertokens/client';

// The prebuilt UI reads window.location: the browser renders it.
const AuthRoutes = dynamic(async () => () => getRoutingComponent([EmailPasswordPreBuiltUI]), { ssr: false });

export default function Auth() {
  // The SDK shows the form to a signed-in user whose refresh failed on the network: the kit takes
  // them back once the session answers.
  useEffect(() => watchSignInPageForSession(), []);
  return <AuthRoutes />;
}
