import type { JsonValue } from './json';

/**
 * How the core turns a config value into a Java field (its ConfigMapper, with Gson): numeric
 * fields accept JSON numbers and numeric strings (`"3600"`, `"0.001"`), booleans accept
 * `"true"`/`"false"` in any case, string fields accept any primitive. What it refuses gets
 * `'<key>' must be of type <long|int|double|boolean|String>`.
 *
 * Divergences: NaN and ±Infinity are refused (the core stores them, then behaves oddly); an array
 * or object for a string field is refused with the type message (the core answers 500).
 */
export type ConfigValueType = 'int' | 'long' | 'double' | 'boolean' | 'String';

export type ConfigValue = number | boolean | string;

export class ConfigTypeError extends Error {
  override name = 'ConfigTypeError';
  constructor(key: string, type: ConfigValueType) {
    super(`'${key}' must be of type ${type}`);
  }
}

const INTEGER_RANGE: Record<'int' | 'long', readonly [bigint, bigint]> = {
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** Reads one value the way the core does; throws ConfigTypeError for what the core refuses. */
export function readConfigValue(key: string, type: ConfigValueType, value: JsonValue): ConfigValue {
  const result = convert(type, value);
  if (result === undefined) throw new ConfigTypeError(key, type);
  return result;
}

function convert(type: ConfigValueType, value: JsonValue): ConfigValue | undefined {
  switch (type) {
    case 'String':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase())) return value.toLowerCase() === 'true';
      return undefined;
    case 'double': {
      const parsed = typeof value === 'number' ? value : typeof value === 'string' ? parseJavaDouble(value) : undefined;
      return parsed !== undefined && Number.isFinite(parsed) ? parsed : undefined;
    }
    case 'int':
    case 'long':
      return readInteger(type, value);
  }
}

/** A JSON number must be whole; a string must be what Long.parseLong / Integer.parseInt accept. */
function readInteger(type: 'int' | 'long', value: JsonValue): number | undefined {
  let whole: bigint;
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) return undefined;
    whole = BigInt(value);
  } else if (typeof value === 'string' && /^[+-]?[0-9]+$/.test(value)) {
    whole = BigInt(value);
  } else {
    return undefined;
  }
  const [min, max] = INTEGER_RANGE[type];
  return whole >= min && whole <= max ? Number(whole) : undefined;
}

const JAVA_DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[fFdD]?$/;
const JAVA_SPECIAL = /^([+-]?)(NaN|Infinity)$/;
const JAVA_HEX = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)[fFdD]?$/;

/** Java's Double.parseDouble: surrounding control characters and spaces ignored, `d`/`f` suffixes, hex floats. */
export function parseJavaDouble(raw: string): number | undefined {
  const text = raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '');
  if (JAVA_DECIMAL.test(text)) return Number(text.replace(/[fFdD]$/, ''));
  const special = JAVA_SPECIAL.exec(text);
  if (special) return special[2] === 'NaN' ? NaN : special[1] === '-' ? -Infinity : Infinity;
  const hex = JAVA_HEX.exec(text);
  if (!hex || (hex[2] === '' && (hex[3] ?? '') === '')) return undefined;
  const digits = `${hex[2]}${hex[3] ?? ''}`;
  const mantissa = Number.parseInt(digits, 16);
  const value = mantissa * 2 ** (Number(hex[4]) - 4 * (hex[3] ?? '').length);
  return hex[1] === '-' ? -value : value;
}
