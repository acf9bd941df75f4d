import type { CoreResponse } from './http';

/**
 * A protocol fault: the core answers it with a plain-text status, never with JSON. Business
 * verdicts (UNAUTHORISED, TOKEN_THEFT_DETECTED, …) are HTTP 200 JSON and never use this type.
 */
export class CoreHttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 500,
    message: string,
  ) {
    super(message);
    this.name = 'CoreHttpError';
  }
}

/** Handlers open with these, using the core's exact message. */
export function assertCore(
  condition: unknown,
  message: string,
  status: CoreHttpError['status'] = 400,
): asserts condition {
  if (!condition) throw new CoreHttpError(status, message);
}

export function appNotFound(appId: string, tenantId: string): CoreHttpError {
  return new CoreHttpError(400, `AppId or tenantId not found => appId: ${appId}, tenantId: ${tenantId}`);
}

/**
 * The single place where faults become responses. The core writes these with
 * `Content-Type: text/html; charset=UTF-8` and `println`, hence the trailing newline.
 */
export function toErrorResponse(error: unknown): CoreResponse {
  if (error instanceof CoreHttpError) return textResponse(error.status, error.message);
  // The core answers an unexpected exception with 500 and the exception's toString().
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return textResponse(500, message);
}

export function textResponse(status: number, message: string): CoreResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=UTF-8' },
    body: `${message}\n`,
  };
}
