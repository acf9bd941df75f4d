/**
 * Names that mean something to every JavaScript object. Collections indexed by request strings
 * are Maps, so these are harmless as lookups; the core still refuses to create an app under one
 * of them, so no such id ever reaches the data file or a tool that reads it into a plain object.
 * Divergence: the real core (Java) would accept `constructor` as an app id.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set(
  [...Object.getOwnPropertyNames(Object.prototype), 'prototype'].map((name) => name.toLowerCase()),
);

export function isReservedId(id: string): boolean {
  return RESERVED_IDS.has(id.toLowerCase());
}
