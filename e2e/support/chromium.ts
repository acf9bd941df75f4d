import { existsSync } from 'node:fs';

/** Debian's Chromium: Playwright's own browser downloads are never used (no internet, no `playwright install`). */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags verified on this kind of machine (see shared/stack.md); `--user-data-dir` is Playwright's to set. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
  constructor(executable: string) {
    super(
      `Chromium was not found at ${executable}. The browser tests use Debian's Chromium: ` +
        'install it with apt-get install chromium (as root: apt-get update && apt-get install -y chromium).',
    );
  }
}

export function assertChromiumInstalled(executable = CHROMIUM_PATH): void {
  if (!existsSync(executable)) throw new ChromiumMissingError(executable);
}
