'use client';

import { SignOutButton } from './SignOutButton';
import { SiteHeader } from './SiteHeader';

const LINKS = [
  ['/app-router', 'Home'],
  ['/app-router/account', 'Account'],
  ['/app-router/streamed', 'Streamed'],
  ['/app-router/about', 'About'],
  ['/', 'Pages router'],
] as const;

/** The App Router pages' navigation: the pages router's header, with App Router links; the session flow's boundary sits below it. */
export function AppRouterNav() {
  return (
    <SiteHeader links={LINKS}>
      <SignOutButton />
    </SiteHeader>
  );
}
