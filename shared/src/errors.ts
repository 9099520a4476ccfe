/** Every error the API returns, as `{ error: { code, message } }` with the matching status. */
export const ERROR_STATUS = {
  bad_request: 400,
  invalid_json: 400,
  not_signed_in: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  /** A link from a mail that was used, replaced or expired. */
  gone: 410,
  payload_too_large: 413,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
}
