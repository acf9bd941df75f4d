import Head from 'next/head';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from './SignOutButton';

export function PageLayout({ title, signedIn, children }: { title: string; signedIn: boolean; children: ReactNode }) {
  return (
    <>
      <Head>
        <title>{`${title} · ssr-session-flow`}</title>
      </Head>
      <header style={{ display: 'flex', gap: 16, alignItems: 'center', padding: 16, fontFamily: 'system-ui, sans-serif' }}>
        <nav style={{ display: 'flex', gap: 12 }}>
          <Link href="/">Home</Link>
          <Link href="/account">Account</Link>
          <Link href="/activity">Activity</Link>
          <Link href="/about">About</Link>
        </nav>
        {signedIn ? <SignOutButton /> : <Link href="/auth">Sign in</Link>}
      </header>
      <main style={{ padding: 16, fontFamily: 'system-ui, sans-serif' }}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
