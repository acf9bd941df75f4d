import dynamic from 'next/dynamic';
import Head from 'next/head';
import { useEffect } from 'react';
import SuperTokens from 'supertokens-auth-react';
import { EmailPasswordPreBuiltUI } from 'supertokens-auth-react/recipe/emailpassword/prebuiltui';
import { canHandleRoute, getRoutingComponent } from 'supertokens-auth-react/ui';

const preBuiltUIs = [EmailPasswordPreBuiltUI];

// The prebuilt UI reads window.location: render it in the browser only.
const AuthRoutes = dynamic(async () => () => getRoutingComponent(preBuiltUIs), { ssr: false });

export default function Auth() {
  useEffect(() => {
    if (!canHandleRoute(preBuiltUIs)) void SuperTokens.redirectToAuth({ redirectBack: false });
  }, []);
  return (
    <>
      <Head>
        <title>Sign in · ssr-session-flow</title>
      </Head>
      <main>
        <AuthRoutes />
      </main>
    </>
  );
}
