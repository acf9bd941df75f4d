/** @jest-environment node */
import { RETURN_TO_PARAM as KIT_RETURN_TO_PARAM } from '../../../lib/core/browserPorts';
import { RETURN_TO_PARAM, refreshPathOf, signInPathOf } from '../../../lib/testing/playwright/appPaths';

describe('the app paths the Playwright helpers assume', () => {
  it('read the way back from the parameter the kit writes it to', () => {
    expect(RETURN_TO_PARAM).toBe(KIT_RETURN_TO_PARAM);
  });

  it('follow the app’s own apiBasePath and sign-in path, slashes trimmed', () => {
    expect(refreshPathOf({ apiBasePath: '/auth/' })).toBe('/auth/session/refresh');
    expect(signInPathOf({ signInPath: '/login/' })).toBe('/login');
    expect(signInPathOf({ signInPath: '/' })).toBe('/');
  });
});
