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

/** What a path segment may look like after `/appid-` or as a tenant: the router's `[a-z0-9-]+` and worse. */
const PATH_IDS = ['constructor', 'prototype', 'tostring', 'valueof', 'hasownproperty', '__proto__', 'public'];

const BOOLEAN_FIELDS = [
  'enableAntiCsrf',
  'doAntiCsrfCheck',
  'checkDatabase',
  'useDynamicSigningKey',
  'useStaticSigningKey',
  'revokeAcrossAllTenants',
  'revokeSessionsForLinkedAccounts',
  'removeAllLinkedAccounts',
];

const QUERY_NAMES = [
  'userId',
  'sessionHandle',
  'email',
  'doUnionOfAccountInfo',
  'limit',
  'paginationToken',
  'timeJoinedOrder',
  'includeRecipeIds',
  'includeAllTenants',
  'fetchAcrossAllTenants',
  'phoneNumber',
];

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

/**
 * One request to any route of the core (taken from its route table, so new routes are fuzzed
 * too): hostile app and tenant prefixes, query strings and JSON bodies whose fields are mostly of
 * the expected type, so that requests get past the first check to the code behind it.
 */
export function hostileRequests(known: FuzzContext) {
  const id = fc.oneof(fc.constantFrom(...HOSTILE_IDS), fc.constantFrom(...known.knownIds), fc.string({ maxLength: 12 }));
  const pathId = fc.oneof(fc.constantFrom(...PATH_IDS), fc.stringMatching(/^[a-z0-9-]{1,8}$/));
  const fields = fieldArbitraries(id, pathId, known.knownEmail);
  const anyJson = fc.oneof(jsonLeaf(), hostileObject(id), fc.array(jsonLeaf(), { maxLength: 2 }));
  const field = (name: string) =>
    fc.tuple(fc.constant(name), fc.oneof({ weight: 4, arbitrary: fields[name] ?? anyJson }, { weight: 1, arbitrary: anyJson }));
  const body = fc.oneof(
    { weight: 8, arbitrary: mostOf(Object.keys(fields)).chain((names) => fc.tuple(...names.map(field))) },
    { weight: 1, arbitrary: hostileObject(id).map((object) => object.entries) },
  );
  const queryValue = fc.oneof(id, fc.constantFrom('true', 'false', '5', 'ASC', 'DESC', 'emailpassword'));
  const query = mostOf(QUERY_NAMES).chain((names) => fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), queryValue))));
  const endpoints = ROUTES.flatMap((route) =>
    (Object.keys(route.handlers) as Method[]).map((method) => ({ method, path: route.path })),
  );
  return fc.record({
    endpoint: fc.constantFrom(...endpoints),
    appPrefix: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: pathId }),
    tenantPrefix: fc.oneof(fc.constant(undefined), fc.constant('public'), pathId),
    body: fc.oneof(
      { weight: 6, arbitrary: body.map((entries) => new RawObject(entries)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    query,
  });
}

export type HostileRequest = ReturnType<typeof hostileRequests> extends fc.Arbitrary<infer R> ? R : never;

/** The fields the routes read, each with values of roughly the type it expects. */
function fieldArbitraries(id: fc.Arbitrary<string>, pathId: fc.Arbitrary<string>, knownEmail: string) {
  const fields: Record<string, fc.Arbitrary<unknown>> = {
    userId: id,
    sessionHandle: id,
    recipeUserId: id,
    appId: fc.oneof(id, pathId),
    email: fc.oneof(id, fc.constant(knownEmail)),
    password: fc.string({ maxLength: 10 }),
    token: id,
    accessToken: fc.oneof(id.map(forgedAccessToken), id),
    refreshToken: id,
    antiCsrfToken: id,
    method: fc.constantFrom('token', '__proto__'),
    algorithm: fc.constantFrom('RS256', 'rs256', 'constructor'),
    jwksDomain: id,
    validity: fc.integer({ min: -5, max: 100_000 }),
    sessionHandles: fc.array(id, { maxLength: 3 }),
    userDataInJWT: hostileObject(id),
    userDataInDatabase: hostileObject(id),
    payload: hostileObject(id),
    coreConfig: coreConfig(),
  };
  for (const name of BOOLEAN_FIELDS) fields[name] = fc.boolean();
  return fields;
}

function jsonLeaf() {
  return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
}

function hostileObject(id: fc.Arbitrary<string>): fc.Arbitrary<RawObject> {
  const key = fc.oneof(fc.constantFrom(...HOSTILE_IDS), fc.string({ maxLength: 6 }));
  return fc.array(fc.tuple(key, fc.oneof(jsonLeaf(), id)), { maxLength: 4 }).map((entries) => new RawObject(entries));
}

function coreConfig(): fc.Arbitrary<RawObject> {
  const key = fc.oneof(
    fc.constantFrom('access_token_validity', 'refresh_token_validity', 'api_keys', 'port', 'password_hashing_alg'),
    fc.constantFrom(...HOSTILE_IDS),
  );
  const value = fc.oneof(jsonLeaf(), fc.constantFrom('3600', '0.001', '1e3', ' 7 ', 'NaN', '0x1p3'));
  return fc.array(fc.tuple(key, value), { maxLength: 3 }).map((entries) => new RawObject(entries));
}

/** Each name with probability 4/5, so most requests carry most fields. */
function mostOf(names: string[]): fc.Arbitrary<string[]> {
  const kept = fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) });
  return fc.tuple(...names.map(() => kept)).map((keep) => names.filter((_, index) => keep[index]));
}

/** An unsigned token whose claims name a hostile session: regenerate decodes without verifying. */
function forgedAccessToken(sessionHandle: string): string {
  const claims = {
    sub: 'u',
    rsub: 'u',
    tId: 'public',
    sessionHandle,
    refreshTokenHash1: 'h',
    parentRefreshTokenHash1: null,
    antiCsrfToken: null,
    iat: 1,
    exp: 4_102_444_800,
  };
  const header = { alg: 'RS256', typ: 'JWT', version: '5', kid: 'd-1' };
  return `${base64url(header)}.${base64url(claims)}.c2ln`;
}

function base64url(value: unknown): string {
  return Buffer.from(toJsonText(value)).toString('base64url');
}
