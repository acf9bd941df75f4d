import type { ReactNode } from 'react';
import { SessionLayout } from 'ssr-session-flow/app-router/server';

export default function ProtectedLayout({ children }: { children: ReactNode }) {
  return <SessionLayout>{children}</SessionLayout>;
}
