import Head from 'next/head';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from './SignOutButton';
import { SiteHeader } from './SiteHeader';

const LINKS = [
  ['/', 'Home'],
  ['/account', 'Account'],
  ['/activity', 'Activity'],
  ['/about', 'About'],
] as const;

export function PageLayout({ title, signedIn, children }: { title: string; signedIn: boolean; children: ReactNode }) {
  return (
    <>
      <Head>
        <title>{`${title} · ssr-session-flow`}</title>
      </Head>
      <SiteHeader links={LINKS}>{signedIn ? <SignOutButton /> : <Link href="/auth">Sign in</Link>}</SiteHeader>
      <main style={{ padding: 16, fontFamily: 'system-ui, sans-serif' }}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
