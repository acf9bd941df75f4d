import Link from 'next/link';
import type { ReactNode } from 'react';

/** The demo's header for both routers: its links, then what ends it (sign out, or sign in). */
export function SiteHeader({ links, children }: { links: ReadonlyArray<readonly [href: string, label: string]>; children: ReactNode }) {
  return (
    <header style={{ display: 'flex', gap: 16, alignItems: 'center', padding: 16, fontFamily: 'system-ui, sans-serif' }}>
      <nav style={{ display: 'flex', gap: 12 }}>
        {links.map(([href, label]) => (
          <Link key={href} href={href}>
            {label}
          </Link>
        ))}
      </nav>
      {children}
    </header>
  );
}
