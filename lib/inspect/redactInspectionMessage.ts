import { redactForInspector, redactString, type JsonValue } from './redactForInspector';

// Machine configs nest deeper than any message; once parsed they are plain data, without cycles.
const CONFIG_DEPTH_LIMIT = 100;
// Parts of a snapshot named in code: state names as keys, not data.
const NAMED_IN_CODE: ReadonlySet<string> = new Set(['value', 'historyValue']);

/**
 * Redacts one Stately inspection message (an actor registration, an event, a snapshot) as a whole.
 * Data (context, events, input, output, errors) gets full redaction, keys included; names from code
 * (state values, the machine definition) keep their keys so the inspector can still draw and
 * highlight states. The definition is a JSON string of the machine config: its static `context` is
 * data and is redacted like any other.
 */
export function redactInspectionMessage(message: object): { [key: string]: JsonValue } {
  const redacted: { [key: string]: JsonValue } = {};
  for (const [key, part] of Object.entries(message)) {
    if (part === undefined) continue;
    if (key === 'definition' && typeof part === 'string') redacted[key] = redactDefinition(part);
    else if (key === 'snapshot' && typeof part === 'object' && part !== null) redacted[key] = redactSnapshot(part);
    else redacted[key] = redactForInspector(part);
  }
  return redacted;
}

function redactSnapshot(snapshot: object): JsonValue {
  // A machine snapshot's `toJSON` decides what it is made of, as it does for the inspector.
  const toJSON = (snapshot as { toJSON?: unknown }).toJSON;
  const members: unknown = typeof toJSON === 'function' ? toJSON.call(snapshot) : snapshot;
  if (typeof members !== 'object' || members === null || Array.isArray(members)) return redactForInspector(members);
  const redacted: { [key: string]: JsonValue } = {};
  for (const [key, part] of Object.entries(members)) {
    if (part === undefined || typeof part === 'function') continue;
    redacted[key] = redactForInspector(part, { redactKeys: !NAMED_IN_CODE.has(key) });
  }
  return redacted;
}

function redactDefinition(definition: string): string {
  try {
    const config: unknown = JSON.parse(definition);
    return JSON.stringify(redactConfig(config, 0));
  } catch {
    return redactString(definition);
  }
}

function redactConfig(node: unknown, depth: number): JsonValue {
  if (depth > CONFIG_DEPTH_LIMIT) return '[depth limit]';
  if (Array.isArray(node)) return node.map((item) => redactConfig(item, depth + 1));
  if (typeof node !== 'object' || node === null) return redactForInspector(node);
  const copy: { [key: string]: JsonValue } = {};
  for (const [key, part] of Object.entries(node)) {
    copy[key] = key === 'context' ? redactForInspector(part) : redactConfig(part, depth + 1);
  }
  return copy;
}
