import fc from 'fast-check';
import type { Method } from '../../../embedded-core/router';
import { ROUTES } from '../../../embedded-core/routes';

/** Names every JavaScript object answers to, plus ones the core itself treats specially. */
export const HOSTILE_IDS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
  'public',
  '',
] as const;

/**
 * An object written as JSON text key by key, so a `__proto__` key reaches the core as a key: a
 * JavaScript object literal would turn it into a prototype and JSON.stringify would drop it.
 */
export class RawObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, unknown]>) {}
}

export function toJsonText(value: unknown): string {
  if (value instanceof RawObject) {
    return `{${value.entries.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

export interface FuzzContext {
  /** Ids that exist in the app under attack, so some requests reach real rows. */
  knownIds: string[];
  knownEmail: string;
}

const base64url = (value: unknown) => Buffer.from(toJsonText(value)).toString('base64url');

export function hostileRequests(known: FuzzContext) {
  const id = fc.oneof(fc.constantFrom(...HOSTILE_IDS), fc.constantFrom(...known.knownIds), fc.string({ maxLength: 12 }));
  const pathId = fc.oneof(
    fc.constantFrom('constructor', 'prototype', 'tostring', 'valueof', 'hasownproperty', '__proto__', 'public'),
    fc.stringMatching(/^[a-z0-9-]{1,8}$/),
  );
  const jsonLeaf = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
  const hostileObject: fc.Arbitrary<RawObject> = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...HOSTILE_IDS), fc.string({ maxLength: 6 })), fc.oneof(jsonLeaf, id)), { maxLength: 4 })
    .map((entries) => new RawObject(entries));
  const coreConfig = fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom('access_token_validity', 'refresh_token_validity', 'api_keys', 'port', 'password_hashing_alg'),
          fc.constantFrom(...HOSTILE_IDS),
        ),
        fc.oneof(jsonLeaf, fc.constantFrom('3600', '0.001', '1e3', ' 7 ', 'NaN', '0x1p3')),
      ),
      { maxLength: 3 },
    )
    .map((entries) => new RawObject(entries));
  // An unsigned token whose claims name a hostile session: regenerate decodes without verifying.
  const forgedToken = id.map((handle) => {
    const claims = { sub: 'u', rsub: 'u', tId: 'public', sessionHandle: handle, refreshTokenHash1: 'h', parentRefreshTokenHash1: null, antiCsrfToken: null, iat: 1, exp: 4_102_444_800 };
    return `${base64url({ alg: 'RS256', typ: 'JWT', version: '5', kid: 'd-1' })}.${base64url(claims)}.c2ln`;
  });
  const typed: Record<string, fc.Arbitrary<unknown>> = {
    userId: id,
    sessionHandle: id,
    recipeUserId: id,
    appId: fc.oneof(id, pathId),
    email: fc.oneof(id, fc.constant(known.knownEmail)),
    password: fc.string({ maxLength: 10 }),
    token: id,
    accessToken: fc.oneof(forgedToken, id),
    refreshToken: id,
    antiCsrfToken: id,
    method: fc.constantFrom('token', '__proto__'),
    algorithm: fc.constantFrom('RS256', 'rs256', 'constructor'),
    jwksDomain: id,
    validity: fc.integer({ min: -5, max: 100_000 }),
    sessionHandles: fc.array(id, { maxLength: 3 }),
    userDataInJWT: hostileObject,
    userDataInDatabase: hostileObject,
    payload: hostileObject,
    coreConfig,
  };
  const booleans = ['enableAntiCsrf', 'doAntiCsrfCheck', 'checkDatabase', 'useDynamicSigningKey', 'useStaticSigningKey', 'revokeAcrossAllTenants', 'revokeSessionsForLinkedAccounts', 'removeAllLinkedAccounts'];
  for (const name of booleans) typed[name] = fc.boolean();
  const anyJson = fc.oneof(jsonLeaf, hostileObject, fc.array(jsonLeaf, { maxLength: 2 }));
  const field = (name: string) => fc.tuple(fc.constant(name), fc.oneof({ weight: 4, arbitrary: typed[name] ?? anyJson }, { weight: 1, arbitrary: anyJson }));
  // Most fields most of the time, so requests get past the first missing field to the code behind it.
  const mostOf = (names: string[]) =>
    fc.tuple(...names.map(() => fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })))
      .map((keep) => names.filter((_, index) => keep[index]));
  const body = fc.oneof(
    { weight: 8, arbitrary: mostOf(Object.keys(typed)).chain((names) => fc.tuple(...names.map(field))).map((entries) => new RawObject(entries)) },
    { weight: 1, arbitrary: hostileObject },
    { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
  );
  const queryNames = ['userId', 'sessionHandle', 'email', 'doUnionOfAccountInfo', 'limit', 'paginationToken', 'timeJoinedOrder', 'includeRecipeIds', 'includeAllTenants', 'fetchAcrossAllTenants', 'phoneNumber'];
  const queryValue = fc.oneof(id, fc.constantFrom('true', 'false', '5', 'ASC', 'DESC', 'emailpassword'));
  const query = mostOf(queryNames).chain((names) => fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), queryValue))));
  const endpoints = ROUTES.flatMap((route) => (Object.keys(route.handlers) as Method[]).map((method) => ({ method, path: route.path })));
  const sometimes = <T>(arbitrary: fc.Arbitrary<T>) =>
    fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
  return fc.record({
    endpoint: fc.constantFrom(...endpoints),
    appPrefix: sometimes(pathId),
    tenantPrefix: fc.oneof(fc.constant(undefined), fc.constant('public'), pathId),
    body: fc.oneof({ weight: 6, arbitrary: body }, { weight: 1, arbitrary: fc.constant(undefined) }),
    query,
  });
}

export type HostileRequest = ReturnType<typeof hostileRequests> extends fc.Arbitrary<infer R> ? R : never;
