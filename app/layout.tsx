import type { ReactNode } from 'react';
import { SessionRecipeInit } from '../components/SessionRecipeInit';

export const metadata = { title: 'ssr-session-flow · App Router' };

/** The App Router's root layout; the pages router's pages keep `_app` and `_document`. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SessionRecipeInit />
        {children}
      </body>
    </html>
  );
}
