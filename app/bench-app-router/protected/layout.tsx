import type { ReactNode } from 'react';
import { SessionLayout } from 'ssr-session-flow/app-router/server';

/** The demo's protected layout (app/app-router/(protected)/layout.tsx) without its navigation. */
export default function BenchProtectedLayout({ children }: { children: ReactNode }) {
  return <SessionLayout>{children}</SessionLayout>;
}
