import Head from 'next/head';
import type { ReactNode } from 'react';

/** A pages-router page's title and main content; the header is `_app`'s (it stays while the session flow works). */
export function PageLayout({ title, children }: { title: string; children: ReactNode }) {
  return (
    <>
      <Head>
        <title>{`${title} · ssr-session-flow`}</title>
      </Head>
      <main style={{ padding: 16, fontFamily: 'system-ui, sans-serif' }}>
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
