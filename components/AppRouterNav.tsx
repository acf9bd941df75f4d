'use client';

import Link from 'next/link';
import { SignOutButton } from './SignOutButton';

/** The App Router pages' navigation: the pages router's `PageLayout` header, with App Router links. */
export function AppRouterNav() {
  return (
    <header style={{ display: 'flex', gap: 16, alignItems: 'center', padding: 16, fontFamily: 'system-ui, sans-serif' }}>
      <nav style={{ display: 'flex', gap: 12 }}>
        <Link href="/app-router">Home</Link>
        <Link href="/app-router/account">Account</Link>
        <Link href="/app-router/streamed">Streamed</Link>
        <Link href="/app-router/about">About</Link>
        <Link href="/">Pages router</Link>
      </nav>
      <SignOutButton />
    </header>
  );
}
