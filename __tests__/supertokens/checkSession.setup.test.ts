/** @jest-environment node */
import { getSessionVerdict } from '../../lib/supertokens/server/checkSession';

describe('checkSession before SuperTokens is initialised', () => {
  it('rethrows the setup error instead of treating every visitor as signed out', async () => {
    const token = ['e30', 'e30', 'sig'].join('.');
    await expect(getSessionVerdict({ req: { headers: { cookie: `sAccessToken=${token}` } } })).rejects.toThrow(
      /init/i,
    );
  });
});
