/** A failed API call: the HTTP status, the server's error code and its (Dutch) message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** The status of a request that never got an answer (server down, network gone). */
export const NETWORK_ERROR_STATUS = 0;
