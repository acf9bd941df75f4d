import { assertCore, CoreHttpError } from './errors';
import { isJsonObject, type JsonObject, type JsonValue } from './json';

/**
 * Input parsing with the core's messages (InputParser.java). A key that is absent counts as
 * "not given"; an explicit JSON null is a wrongly typed value, as in the core.
 */
export function parseJsonBody(body: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new CoreHttpError(400, 'Invalid Json Input');
  }
  assertCore(isJsonObject(parsed), 'Invalid Json Input');
  return parsed;
}

function invalidField(field: string): CoreHttpError {
  return new CoreHttpError(400, `Field name '${field}' is invalid in JSON input`);
}

function read<T>(input: JsonObject, field: string, guard: (value: JsonValue) => value is T & JsonValue): T | undefined {
  if (!Object.hasOwn(input, field)) return undefined;
  const value = input[field] as JsonValue;
  if (!guard(value)) throw invalidField(field);
  return value;
}

const isString = (value: JsonValue): value is string => typeof value === 'string';
const isBoolean = (value: JsonValue): value is boolean => typeof value === 'boolean';
const isArray = (value: JsonValue): value is JsonValue[] => Array.isArray(value);

export function optionalString(input: JsonObject, field: string): string | undefined {
  return read(input, field, isString);
}

export function requireString(input: JsonObject, field: string): string {
  const value = optionalString(input, field);
  if (value === undefined) throw invalidField(field);
  return value;
}

export function optionalBoolean(input: JsonObject, field: string): boolean | undefined {
  return read(input, field, isBoolean);
}

export function requireBoolean(input: JsonObject, field: string): boolean {
  const value = optionalBoolean(input, field);
  if (value === undefined) throw invalidField(field);
  return value;
}

export function optionalObject(input: JsonObject, field: string): JsonObject | undefined {
  return read(input, field, isJsonObject);
}

export function requireObject(input: JsonObject, field: string): JsonObject {
  const value = optionalObject(input, field);
  if (value === undefined) throw invalidField(field);
  return value;
}

/** An array of strings; any other element makes the whole field invalid, as in the core. */
export function optionalStringArray(input: JsonObject, field: string): string[] | undefined {
  const value = read(input, field, isArray);
  if (value === undefined) return undefined;
  if (!value.every(isString)) throw invalidField(field);
  return value as string[];
}

export function optionalQuery(query: URLSearchParams, name: string): string | undefined {
  return query.get(name) ?? undefined;
}

export function requireQuery(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  assertCore(value !== null, `Field name '${name}' is missing in GET request`);
  return value;
}

/** The core's loose boolean query flags: absent means the default, anything but "true" is false. */
export function queryFlag(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  return value === null ? fallback : value.toLowerCase() === 'true';
}
