/** A failed API call: the HTTP status, the server's error code and its (Dutch) message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** The whole answer, for errors that carry more than a message (an import's line errors). */
  readonly body: unknown;

  constructor(status: number, code: string, message: string, body?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.body = body;
  }
}

/** The status of a request that never got an answer (server down, network gone). */
export const NETWORK_ERROR_STATUS = 0;
