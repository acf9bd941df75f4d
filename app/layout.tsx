import type { ReactNode } from 'react';
import { AppRouterProviders } from '../components/AppRouterProviders';

export const metadata = { title: 'ssr-session-flow · App Router' };

/** The App Router's root layout; the pages router's pages keep `_app` and `_document`. */
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <AppRouterProviders>{children}</AppRouterProviders>
      </body>
    </html>
  );
}
