import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { isReservedId } from '../ids';
import { parseStoredHash } from '../tokens/passwords';
import type { StoreData, StoredApp, StoredSession, StoredUser } from './types';

/**
 * The data file's JSON shape: the store with every Map written as an object. Reading it back is
 * input handling like any request: each app, user and session is checked, ids that would be
 * unsafe as keys are refused, and password hashes must stay within the bounds of
 * tokens/passwords.ts. A file written before email verification existed lacks those lists; they
 * start empty.
 */
export const DATA_FILE_VERSION = 1;

export class DataFileFormatError extends Error {
  override name = 'DataFileFormatError';
}

export function serializeStoreData(data: StoreData): JsonObject {
  const apps = [...data.apps].map(([appId, app]) => [appId, serializeApp(app)] as const);
  return { version: DATA_FILE_VERSION, apps: Object.fromEntries(apps) };
}

function serializeApp(app: StoredApp): JsonObject {
  const plain = { ...app, users: Object.fromEntries(app.users), sessions: Object.fromEntries(app.sessions) };
  return JSON.parse(JSON.stringify(plain)) as JsonObject;
}

export function parseStoreData(value: unknown): StoreData {
  if (!isJsonObject(value) || value.version !== DATA_FILE_VERSION || !isJsonObject(value.apps)) {
    throw new DataFileFormatError(`unknown format (expected {"version":${DATA_FILE_VERSION},"apps":{…}})`);
  }
  const apps = new Map<string, StoredApp>();
  for (const [appId, raw] of Object.entries(value.apps)) {
    if (isReservedId(appId)) throw new DataFileFormatError(`app id '${appId}' is reserved`);
    apps.set(appId, parseApp(appId, raw));
  }
  return { apps };
}

type FieldType = 'string' | 'number' | 'boolean' | 'object' | 'array';

const APP_FIELDS: Record<string, FieldType> = {
  appId: 'string',
  coreConfig: 'object',
  refreshTokenKey: 'string',
  dynamicKeys: 'array',
  passwordResetTokens: 'array',
};
const USER_FIELDS: Record<string, FieldType> = {
  id: 'string',
  email: 'string',
  passwordHash: 'string',
  timeJoined: 'number',
  tenantIds: 'array',
};
const SESSION_FIELDS: Record<string, FieldType> = {
  handle: 'string',
  userId: 'string',
  recipeUserId: 'string',
  tenantId: 'string',
  refreshTokenHash2: 'string',
  userDataInJWT: 'object',
  userDataInDatabase: 'object',
  expiry: 'number',
  timeCreated: 'number',
  useStaticKey: 'boolean',
};

function parseApp(appId: string, raw: JsonValue): StoredApp {
  const where = `app '${appId}'`;
  const app = expectFields(raw, where, APP_FIELDS);
  const users = mapOf(app.users, `${where} users`, (id, user) => {
    const checked = expectFields(user, `${where} user '${id}'`, USER_FIELDS) as unknown as StoredUser;
    const hash = parseStoredHash(checked.passwordHash);
    if (typeof hash === 'string') throw new DataFileFormatError(`${where} user '${id}': password hash refused: ${hash}`);
    return checked;
  });
  const sessions = mapOf(app.sessions, `${where} sessions`, (handle, session) => {
    return expectFields(session, `${where} session '${handle}'`, SESSION_FIELDS) as unknown as StoredSession;
  });
  return {
    appId: app.appId as string,
    coreConfig: app.coreConfig as JsonObject,
    refreshTokenKey: app.refreshTokenKey as string,
    dynamicKeys: app.dynamicKeys as unknown as StoredApp['dynamicKeys'],
    staticKey: (app.staticKey ?? null) as unknown as StoredApp['staticKey'],
    users,
    sessions,
    passwordResetTokens: app.passwordResetTokens as unknown as StoredApp['passwordResetTokens'],
    emailVerificationTokens: (app.emailVerificationTokens ?? []) as unknown as StoredApp['emailVerificationTokens'],
    verifiedEmails: (app.verifiedEmails ?? []) as unknown as StoredApp['verifiedEmails'],
  };
}

function mapOf<T>(value: JsonValue | undefined, where: string, parse: (key: string, item: JsonValue) => T): Map<string, T> {
  if (!isJsonObject(value)) throw new DataFileFormatError(`${where} is not an object`);
  return new Map(Object.entries(value).map(([key, item]) => [key, parse(key, item)]));
}

function expectFields(value: JsonValue | undefined, where: string, fields: Record<string, FieldType>): JsonObject {
  if (!isJsonObject(value)) throw new DataFileFormatError(`${where} is not an object`);
  for (const [name, type] of Object.entries(fields)) {
    const field = Object.hasOwn(value, name) ? value[name] : undefined;
    const ok = type === 'array' ? Array.isArray(field) : type === 'object' ? isJsonObject(field) : typeof field === type;
    if (!ok) throw new DataFileFormatError(`${where}: '${name}' must be ${type === 'array' ? 'an array' : `a ${type}`}`);
  }
  return value;
}
