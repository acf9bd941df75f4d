import { createHash } from 'node:crypto';

/** H(x) of the spec: lower-case hex SHA-256 of the UTF-8 string, as the core's Utils.hashSHA256. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
