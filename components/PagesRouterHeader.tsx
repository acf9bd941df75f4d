import Link from 'next/link';
import { readSessionVerdict } from 'ssr-session-flow/machine';
import { SignOutButton } from './SignOutButton';
import { SiteHeader } from './SiteHeader';

const LINKS = [
  ['/', 'Home'],
  ['/account', 'Account'],
  ['/activity', 'Activity'],
  ['/about', 'About'],
] as const;

/**
 * The pages router's header, rendered by `_app` above the session flow's boundary: while the flow
 * shows its loading, offline or stuck screen in the page's place, the user can still go elsewhere.
 */
export function PagesRouterHeader({ pageProps }: { pageProps: unknown }) {
  const signedIn = readSessionVerdict(pageProps)?.status === 'ok';
  return <SiteHeader links={LINKS}>{signedIn ? <SignOutButton /> : <Link href="/auth">Sign in</Link>}</SiteHeader>;
}
