import { APP_ORIGIN } from '../e2eEnv';
import { assertChromiumInstalled } from './chromium';

/** Fails early with a useful message instead of a browser launch or connection error per spec. */
export default async function globalSetup(): Promise<void> {
  assertChromiumInstalled();
  const reachable = await fetch(`${APP_ORIGIN}/about`).then(
    (response) => response.ok,
    () => false,
  );
  if (!reachable) {
    throw new Error(`Nothing answers at ${APP_ORIGIN}: run the specs with \`npm run test:e2e\`, which builds and starts the app.`);
  }
}
