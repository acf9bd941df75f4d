import type { JsonObject } from './json';

/** A request as the app factory sees it: already read from the socket, no streams. */
export interface CoreRequest {
  method: string;
  /** Path without query string, as received. */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Readonly<Record<string, string | undefined>>;
  body: string;
}

export interface CoreResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** The core writes JSON with `println`, so bodies end with a newline. */
export function jsonResponse(body: JsonObject, headers: Record<string, string> = {}): CoreResponse {
  return {
    status: 200,
    headers: { 'content-type': 'application/json; charset=UTF-8', ...headers },
    body: `${JSON.stringify(body)}\n`,
  };
}
