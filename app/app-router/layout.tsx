import type { ReactNode } from 'react';
import { AppRouterNav } from '../../components/AppRouterNav';

export default function AppRouterLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <AppRouterNav />
      <main style={{ padding: 16, fontFamily: 'system-ui, sans-serif' }}>{children}</main>
    </>
  );
}
