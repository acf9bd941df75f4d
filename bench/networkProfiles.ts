import type { CDPSession } from '@playwright/test';

export type NetworkProfileName = 'loopback' | '4G' | 'slow 3G';

/** A network the browser is made to see, as the issue that asked for it set it. */
export interface NetworkProfile {
  name: NetworkProfileName;
  /** Added to every request before its response headers arrive; 0 for none. */
  roundTripMs: number;
  /** Kilobits (1,000 bits) per second; `null` for no limit. */
  downloadKbitPerS: number | null;
  uploadKbitPerS: number | null;
}

export const LOOPBACK: NetworkProfile = { name: 'loopback', roundTripMs: 0, downloadKbitPerS: null, uploadKbitPerS: null };
export const FOUR_G: NetworkProfile = { name: '4G', roundTripMs: 150, downloadKbitPerS: 9_000, uploadKbitPerS: 1_500 };
export const SLOW_3G: NetworkProfile = { name: 'slow 3G', roundTripMs: 400, downloadKbitPerS: 400, uploadKbitPerS: 400 };

export const NETWORK_PROFILES: readonly NetworkProfile[] = [LOOPBACK, FOUR_G, SLOW_3G];

/** `Network.emulateNetworkConditions`' parameters: throughput in bytes per second, -1 for none. */
export interface NetworkConditions {
  offline: false;
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

const bytesPerSecond = (kbitPerS: number | null) => (kbitPerS === null ? -1 : (kbitPerS * 1000) / 8);

export function networkConditions(profile: NetworkProfile): NetworkConditions {
  return {
    offline: false,
    latency: profile.roundTripMs,
    downloadThroughput: bytesPerSecond(profile.downloadKbitPerS),
    uploadThroughput: bytesPerSecond(profile.uploadKbitPerS),
  };
}

/**
 * Chromium's own throttling (what DevTools' presets use), applied in the browser's network stack to
 * every request of the page the session is attached to, across its navigations. Responses served
 * from the HTTP cache are not throttled, as on a real network.
 */
export async function emulateNetwork(cdp: CDPSession, profile: NetworkProfile): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { ...networkConditions(profile) });
}
