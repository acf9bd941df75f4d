import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request carrying this header goes to that instance (0, 1, …); the proxy never forwards it. */
export const ROUTE_TO_HEADER = 'x-e2e-route-to';
/** Every answer says which instance served it. */
export const SERVED_BY_HEADER = 'x-e2e-served-by';

export interface ProxiedRequest {
  method: string;
  path: string;
  instance: number;
  status: number | null;
}

export interface RoundRobinProxy {
  readonly log: ProxiedRequest[];
  close(): Promise<void>;
}

/**
 * The smallest load balancer that shows the app is stateless: each page, data or API request
 * goes to the next instance in turn (static assets, identical in every instance, do not advance
 * the turn, so page loads alternate). A spec can pin requests to one instance with ROUTE_TO_HEADER.
 * Listens on both loopback addresses, since `localhost` may resolve to either.
 */
export async function startRoundRobinProxy(port: number, instancePorts: readonly number[]): Promise<RoundRobinProxy> {
  const log: ProxiedRequest[] = [];
  let turn = 0;
  const handler: http.RequestListener = (req, res) => {
    const path = req.url ?? '/';
    const pinned = Number(req.headers[ROUTE_TO_HEADER]);
    const isAsset = path.startsWith('/_next/static/') || path === '/favicon.ico';
    let instance = turn % instancePorts.length;
    if (Number.isInteger(pinned) && instancePorts[pinned] !== undefined) instance = pinned;
    else if (!isAsset) turn += 1;
    const entry: ProxiedRequest = { method: req.method ?? 'GET', path, instance, status: null };
    log.push(entry);
    const headers = { ...req.headers };
    delete headers[ROUTE_TO_HEADER];
    const upstream = http.request(
      { host: '127.0.0.1', port: instancePorts[instance], method: req.method, path, headers },
      (answer) => {
        entry.status = answer.statusCode ?? null;
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, [SERVED_BY_HEADER]: String(instance) });
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      entry.status = 502;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: instance ${instance} failed: ${error.message}`);
    });
    req.pipe(upstream);
  };
  const servers = await Promise.all(['127.0.0.1', '::1'].map((host) => listen(http.createServer(handler), port, host)));
  return {
    log,
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      ).then(() => undefined),
  };
}

function listen(server: http.Server, port: number, host: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      if ((server.address() as AddressInfo).port !== port) reject(new Error(`proxy did not get port ${port}`));
      else resolve(server);
    });
  });
}
