import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { ApiErrorBody, ErrorCode } from '@standpunt/shared';
import { DraftExistsError } from '../storage/DraftStore.js';
import { HttpError } from './HttpError.js';

function send(
  res: Parameters<RequestHandler>[1],
  status: number,
  code: ErrorCode,
  message: string,
) {
  const body: ApiErrorBody = { error: { code, message } };
  res.status(status).json(body);
}

/** Unknown routes under /api answer 404 in JSON rather than with the client app. */
export const apiNotFound: RequestHandler = (req, res) => {
  send(res, 404, 'not_found', `Onbekende API-route: ${req.method} ${req.path}`);
};

/** Turns every error into `{ error: { code, message } }` with a fitting status. */
export function errorHandler(log: (message: string) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    if (error instanceof HttpError) {
      res.set(error.headers);
      return send(res, error.status, error.code, error.message);
    }
    if (error instanceof DraftExistsError) {
      // Another freeze of the same paper (by another server process) took the number first.
      return send(
        res,
        409,
        'conflict',
        `Er is zojuist al een versie ${error.number} vastgelegd. Vernieuw de pagina en probeer het opnieuw.`,
      );
    }
    if (error instanceof z.ZodError) {
      const details = error.issues
        .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
        .join('; ');
      return send(res, 400, 'bad_request', `Ongeldige invoer — ${details}`);
    }
    if (error instanceof URIError) {
      // The router could not decode a path parameter (`%zz`, overlong UTF-8): a bad request,
      // not a server fault — and never a value that reaches a file name.
      return send(res, 400, 'bad_request', 'Het adres bevat een ongeldige %-codering.');
    }
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed') {
      return send(res, 400, 'invalid_json', 'De aanvraag bevat geen geldige JSON.');
    }
    if (type === 'entity.too.large') {
      return send(res, 413, 'payload_too_large', 'De aanvraag is te groot.');
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return send(
        res,
        400,
        'bad_request',
        'De aanvraag is gecodeerd op een manier die de server niet kent.',
      );
    }
    // A body that says it is compressed and is not (zlib's Z_DATA_ERROR, brotli's
    // ERR__ERROR_FORMAT_…) is the client's mistake, not the server's.
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^(Z_|ERR__ERROR_)/.test(code)) {
      return send(res, 400, 'bad_request', 'De ingepakte (gecomprimeerde) aanvraag is beschadigd.');
    }
    log(`error on ${req.method} ${req.path}: ${(error as Error)?.stack ?? String(error)}`);
    send(res, 500, 'internal', 'Er ging iets mis op de server.');
  };
}
