import { CookieHandlerReference } from 'supertokens-website/utils/cookieHandler';

/** The cookies as the SDK reads them (its cookie handler: `document.cookie` unless the app gave another). */
export function readSdkCookies(): Promise<string> {
  return CookieHandlerReference.getReferenceOrThrow().cookieHandler.getCookie();
}
