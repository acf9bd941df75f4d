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

/**
 * A whole number as the core reads `long` fields (Gson's getAsLong): a JSON number, truncated
 * toward zero if it has a fraction, or a string of digits. Anything else names the field.
 */
export function requireLong(input: JsonObject, field: string): number {
  const value = Object.hasOwn(input, field) ? input[field] : undefined;
  const whole =
    typeof value === 'number' ? Math.trunc(value) : typeof value === 'string' && /^[+-]?[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(whole)) throw invalidField(field);
  return whole;
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

/** An int query parameter as the core reads it (Integer.parseInt), or undefined when absent. */
export function queryInt(query: URLSearchParams, name: string): number | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  const number = /^[+-]?[0-9]+$/.test(value) ? Number(value) : NaN;
  assertCore(Number.isInteger(number) && Math.abs(number) <= 2 ** 31 - 1, `Field name '${name}' must be an int in the GET request`);
  return number;
}

/** A comma-separated query parameter: trimmed parts, empty ones dropped (the core's reader). */
export function queryList(query: URLSearchParams, name: string): string[] | undefined {
  const value = query.get(name);
  if (value === null) return undefined;
  return value.trim().split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** The core's loose boolean query flags: absent means the default, anything but "true" is false. */
export function queryFlag(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const value = query.get(name);
  return value === null ? fallback : value.toLowerCase() === 'true';
}
