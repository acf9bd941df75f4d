import type { ReactNode } from 'react';
import { SuperTokensInit } from './SuperTokensInit';

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <SuperTokensInit />
        {children}
      </body>
    </html>
  );
}
