/** @jest-environment node */
import { getSessionOutcome } from '../../lib/server/getSessionOutcome';

describe('checkSession before SuperTokens is initialised', () => {
  it('rethrows the setup error instead of treating every visitor as signed out', async () => {
    const token = ['e30', 'e30', 'sig'].join('.');
    await expect(getSessionOutcome({ req: { headers: { cookie: `sAccessToken=${token}` } } })).rejects.toThrow(
      /init/i,
    );
  });
});
