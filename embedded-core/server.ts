import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCoreApp, type CoreApp, type CoreAppOptions } from './app';
import { textResponse } from './errors';
import type { CoreResponse } from './http';
import { createMemoryStore } from './store/coreStore';
import { openFileStore } from './store/fileStore';

export interface StartEmbeddedCoreOptions extends CoreAppOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. Default 3567, the core's. */
  port?: number;
  /** Persist users, sessions and keys to this JSON file (ignored when `store` is given); memory only when absent. */
  dataFile?: string;
  /** Larger bodies get 413 (see README: the real core has no limit for JSON bodies). */
  maxBodyBytes?: number;
}

export interface EmbeddedCore {
  /** e.g. `http://127.0.0.1:3567`, ready for SUPERTOKENS_CONNECTION_URI. */
  url: string;
  port: number;
  app: CoreApp;
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(readonly port: number) {
    super(`Cannot start the embedded SuperTokens core: 127.0.0.1:${port} is already in use.`);
  }
}

/** Tomcat's default maxPostSize (2 MB); the core reads JSON without any limit. */
export const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
const HOST = '127.0.0.1';

/** The only place that opens a port: loopback only, never reachable from another machine. */
export async function startEmbeddedCore(options: StartEmbeddedCoreOptions = {}): Promise<EmbeddedCore> {
  const store = options.store ?? (options.dataFile ? openFileStore(options.dataFile) : createMemoryStore());
  const app = createCoreApp({ ...options, store });
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const server = http.createServer((req, res) => {
    readBody(req, maxBodyBytes)
      .then(async (body) => {
        if (body === null) return textResponse(413, 'Request body too large');
        const url = new URL(req.url ?? '/', `http://${HOST}`);
        const headers: Record<string, string | undefined> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
        return app.handle({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body });
      })
      .catch((error: unknown) => textResponse(500, String(error)))
      .then((response) => send(res, response));
  });
  const port = await listen(server, options.port ?? 3567);
  return {
    url: `http://${HOST}:${port}`,
    port,
    app,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }).finally(() => store.flush()),
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Resolves null for an oversized body, after draining it so the client still gets the 413. */
function readBody(req: http.IncomingMessage, maxBytes: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > maxBytes ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, response: CoreResponse): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(response.status, { ...response.headers, 'content-length': Buffer.byteLength(response.body) });
  res.end(response.body);
}
