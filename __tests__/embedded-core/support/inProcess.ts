import type { CoreApp, JsonObject } from 'ssr-session-flow-embedded-core';

export interface InProcessResult {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON for JSON answers, the text otherwise. */
  body: JsonObject | string;
}

/** Calls the app factory directly: no socket, same answers as over HTTP. */
export async function callApp(app: CoreApp, method: string, path: string, body?: unknown): Promise<InProcessResult> {
  const url = new URL(path, 'http://core');
  const response = await app.handle({
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: { 'cdi-version': '5.4', ...(body === undefined ? {} : { 'content-type': 'application/json; charset=utf-8' }) },
    body: body === undefined ? '' : JSON.stringify(body),
  });
  const isJson = response.headers['content-type']?.startsWith('application/json') ?? false;
  return { status: response.status, headers: response.headers, body: isJson ? (JSON.parse(response.body) as JsonObject) : response.body };
}

export interface Tokens {
  accessToken: string;
  refreshToken: string;
  handle: string;
}

/** Reads the tokens of a create or refresh answer. */
export function tokensOf(result: InProcessResult): Tokens {
  const body = result.body as { accessToken: { token: string }; refreshToken: { token: string }; session: { handle: string } };
  return { accessToken: body.accessToken.token, refreshToken: body.refreshToken.token, handle: body.session.handle };
}

export function statusOf(result: InProcessResult): unknown {
  return typeof result.body === 'string' ? result.body : result.body.status;
}
