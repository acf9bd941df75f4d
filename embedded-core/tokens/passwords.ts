import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Password hashing with scrypt from node:crypto (no native dependency). Divergence: the core
 * uses bcrypt (or argon2); hashes never leave the core, so nothing outside can tell.
 * See docs/decisions/011-password-hashing.md.
 */
export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelisation. */
  p: number;
}

/** One of the equivalent scrypt settings in OWASP's Password Storage Cheat Sheet: 64 MiB, ~0.2 s here. */
export const DEFAULT_SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 16, r: 8, p: 2 });

/**
 * What a stored hash may ask for. A data file is input like any other: a hash claiming N = 2^30
 * must not make one sign-in allocate gigabytes. The upper bounds allow four times the default
 * work; the lower bound still admits the cheap costs that test suites inject.
 */
export const STORED_SCRYPT_BOUNDS = Object.freeze({
  minN: 2 ** 10,
  maxN: 2 ** 20,
  maxR: 32,
  maxP: 16,
  maxMemoryBytes: 256 * 1024 * 1024,
  maxWork: 4 * DEFAULT_SCRYPT_PARAMS.N * DEFAULT_SCRYPT_PARAMS.r * DEFAULT_SCRYPT_PARAMS.p,
  minKeyBytes: 16,
  maxKeyBytes: 64,
});

const KEY_BYTES = 32;
const SALT_BYTES = 16;
const SCHEME = 'scrypt';

export interface PasswordHashingOptions {
  /** Tests inject a lower cost here (the app factory's option); never read from the data file. */
  params?: ScryptParams;
  /** Called before each scrypt computation: tests count them to prove equal work per sign-in. */
  onDerive?: (params: ScryptParams) => void;
}

export interface PasswordVerdict {
  matches: boolean;
  /** The stored hash uses other parameters than the current policy: rehash after a match. */
  needsRehash: boolean;
}

export interface PasswordHasher {
  readonly params: Readonly<ScryptParams>;
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<PasswordVerdict>;
  /**
   * The work of one verify, for an account that does not exist: a sign-in for an unknown email
   * then costs what a wrong password costs, so timing does not tell which accounts exist.
   */
  verifyNobody(password: string): Promise<void>;
}

export interface StoredHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

export function createPasswordHasher(options: PasswordHashingOptions = {}): PasswordHasher {
  const params = Object.freeze({ ...(options.params ?? DEFAULT_SCRYPT_PARAMS) });
  assertUsableParams(params);
  const dummySalt = randomBytes(SALT_BYTES);
  const derive = (password: string, salt: Buffer, cost: ScryptParams, keyBytes: number) => {
    options.onDerive?.(cost);
    return deriveKey(password, salt, cost, keyBytes);
  };
  const verifyNobody = async (password: string) => {
    await derive(password, dummySalt, params, KEY_BYTES);
  };
  return {
    params,
    async hash(password) {
      const salt = randomBytes(SALT_BYTES);
      const key = await derive(password, salt, params, KEY_BYTES);
      return [SCHEME, params.N, params.r, params.p, salt.toString('base64'), key.toString('base64')].join('$');
    },
    async verify(password, stored) {
      const parsed = parseStoredHash(stored);
      if (typeof parsed === 'string') {
        await verifyNobody(password);
        return { matches: false, needsRehash: true };
      }
      const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
      const sameParams = (['N', 'r', 'p'] as const).every((name) => parsed.params[name] === params[name]);
      return { matches: timingSafeEqual(key, parsed.key), needsRehash: !sameParams || parsed.key.length !== KEY_BYTES };
    },
    verifyNobody,
  };
}

/** The stored hash, or why it cannot be used (wrong format, or parameters outside the bounds). */
export function parseStoredHash(stored: string): StoredHash | string {
  const parts = stored.split('$');
  const [scheme, n, r, p, salt, key] = parts;
  if (parts.length !== 6 || scheme !== SCHEME || !salt || !key) return 'not an scrypt$N$r$p$salt$key hash';
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const b = STORED_SCRYPT_BOUNDS;
  if (![params.N, params.r, params.p].every(Number.isSafeInteger)) return 'N, r and p must be integers';
  if (params.N < b.minN || params.N > b.maxN || (params.N & (params.N - 1)) !== 0) {
    return `N must be a power of two from ${b.minN} to ${b.maxN}`;
  }
  if (params.r < 1 || params.r > b.maxR || params.p < 1 || params.p > b.maxP) {
    return `r must be 1 to ${b.maxR} and p 1 to ${b.maxP}`;
  }
  if (memoryBytes(params) > b.maxMemoryBytes || params.N * params.r * params.p > b.maxWork) {
    return 'the parameters ask for more memory or work than this core allows';
  }
  const keyBuffer = Buffer.from(key, 'base64');
  if (keyBuffer.length < b.minKeyBytes || keyBuffer.length > b.maxKeyBytes) return 'the key length is out of range';
  return { params, salt: Buffer.from(salt, 'base64'), key: keyBuffer };
}

function assertUsableParams(params: ScryptParams): void {
  const { N, r, p } = params;
  const valid = [N, r, p].every((value) => Number.isSafeInteger(value) && value >= 1) && N >= 2 && (N & (N - 1)) === 0;
  if (!valid) throw new Error(`Invalid scrypt parameters ${JSON.stringify(params)}: N a power of two >= 2, r and p >= 1`);
}

function memoryBytes({ N, r }: ScryptParams): number {
  return 128 * N * r;
}

/** Node refuses scrypt above 32 MiB unless `maxmem` is raised; allow what these parameters need. */
function deriveKey(password: string, salt: Buffer, params: ScryptParams, keyBytes: number): Promise<Buffer> {
  const maxmem = 2 * memoryBytes(params) + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyBytes, { ...params, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
