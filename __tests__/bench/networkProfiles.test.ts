/**
 * @jest-environment node
 */
import { FOUR_G, LOOPBACK, NETWORK_PROFILES, networkConditions, SLOW_3G } from '../../bench/networkProfiles';

describe('network profiles', () => {
  it('turns the issue’s figures into Chromium’s (latency in ms, throughput in bytes per second)', () => {
    expect(networkConditions(FOUR_G)).toEqual({ offline: false, latency: 150, downloadThroughput: 1_125_000, uploadThroughput: 187_500 });
    expect(networkConditions(SLOW_3G)).toEqual({ offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
  });

  it('leaves loopback unthrottled (-1 is Chromium’s "no limit")', () => {
    expect(networkConditions(LOOPBACK)).toEqual({ offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  });

  it('measures loopback first and the slowest network last', () => {
    expect(NETWORK_PROFILES.map((profile) => profile.name)).toEqual(['loopback', '4G', 'slow 3G']);
  });
});
