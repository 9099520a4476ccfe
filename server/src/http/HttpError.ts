import { ERROR_STATUS, type ErrorCode } from '@standpunt/shared';

/** An error with a status and a message meant for the person using the app (Dutch). */
export class HttpError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}
