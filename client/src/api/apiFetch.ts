import { ApiError, NETWORK_ERROR_STATUS } from './ApiError';

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as it is, with its own content type (an uploaded file), instead of `body`. */
  text?: { content: string; type: string };
  signal?: AbortSignal;
}

/** A parsed answer with its headers, for the answers that say more in them (a total count). */
export interface ApiResponse<T> {
  body: T;
  headers: Headers;
}

/**
 * Calls the API on this origin with the session cookie and returns the parsed JSON body
 * (`undefined` for 204). Any other outcome throws an {@link ApiError} carrying the server's
 * message, or status 0 when the server could not be reached.
 */
export async function apiFetch<T>(path: string, request: ApiRequest = {}): Promise<T> {
  return (await apiFetchWithHeaders<T>(path, request)).body;
}

/** {@link apiFetch}, keeping the answer's headers. */
export async function apiFetchWithHeaders<T>(
  path: string,
  request: ApiRequest = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = {
    method: request.method ?? 'GET',
    credentials: 'same-origin',
    headers,
  };
  if (request.signal) init.signal = request.signal;
  if (request.text) {
    headers['Content-Type'] = request.text.type;
    init.body = request.text.content;
  } else if (request.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(request.body);
  }

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(NETWORK_ERROR_STATUS, 'network', '');
  }

  if (response.status === 204) return { body: undefined as T, headers: response.headers };
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw errorFrom(response.status, body);
  return { body: body as T, headers: response.headers };
}

/** Reads `{ error: { code, message } }`, tolerating anything else a proxy might send. */
export function errorFrom(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (typeof error === 'object' && error !== null) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      return new ApiError(
        status,
        typeof code === 'string' ? code : 'unknown',
        typeof message === 'string' ? message : '',
        body,
      );
    }
  }
  return new ApiError(status, 'unknown', '', body);
}
