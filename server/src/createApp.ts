import fs from 'node:fs';
import path from 'node:path';
import express, { type RequestHandler } from 'express';
import { MUNICIPALITIES } from '@standpunt/shared';
import type { AppContext } from './http/AppContext.js';
import { auditRoutes } from './http/auditRoutes.js';
import { archiveRoutes } from './http/archiveRoutes.js';
import { authRoutes } from './http/authRoutes.js';
import { draftsRoutes } from './http/draftsRoutes.js';
import { apiNotFound, errorHandler } from './http/errorHandler.js';
import { HttpError } from './http/HttpError.js';
import { isAllowedOrigin } from './security/isAllowedOrigin.js';
import { membersRoutes } from './http/membersRoutes.js';
import { papersRoutes } from './http/papersRoutes.js';
import { reactienotaRoutes } from './http/reactienotaRoutes.js';
import { setCurrentUser } from './http/requestContext.js';
import { threadsRoutes } from './http/threadsRoutes.js';
import { securityHeaders } from './security/securityHeaders.js';
import { ssoRoutes } from './http/ssoRoutes.js';
import { usersImportRoute } from './http/usersImportRoute.js';
import { usersRoutes } from './http/usersRoutes.js';
import { accountRoutes } from './http/accountRoutes.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The HTTP side of the server: the JSON API under /api and the built client. */
export function createApp(context: AppContext): express.Express {
  const { config, sessions } = context;
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders);

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  const api = express.Router();
  const refuseCrossSite: RequestHandler = (req, _res, next) => {
    if (!SAFE_METHODS.has(req.method) && !isAllowedOrigin(req, config.allowedOrigins)) {
      throw new HttpError('forbidden', 'Verzoeken van een andere website worden geweigerd.');
    }
    next();
  };
  api.use(refuseCrossSite);
  api.use(async (req, res, next) => {
    setCurrentUser(req, await sessions.userFrom(req));
    res.set('Cache-Control', 'no-store');
    next();
  });
  // An import reads its own (larger) body; every other request has a JSON one of at most 1 MB.
  api.post('/users/import', ...usersImportRoute(context));
  api.use(express.json({ limit: '1mb' }));
  api.use('/auth', authRoutes(context), accountRoutes(context), ssoRoutes(context));
  api.use('/users', usersRoutes(context));
  api.use(
    '/papers',
    papersRoutes(context),
    membersRoutes(context),
    threadsRoutes(context),
    draftsRoutes(context),
    reactienotaRoutes(context),
    archiveRoutes(context),
  );
  api.use('/audit', auditRoutes(context));
  api.get('/municipalities', (_req, res) => {
    res.json(MUNICIPALITIES);
  });
  api.use(apiNotFound);
  app.use('/api', api);

  serveClient(app, config.clientDir);
  app.use(errorHandler(config.log));
  return app;
}

/** Where the client build puts its code and styles, each file named after its content. */
const HASHED_ASSETS = `${path.sep}assets${path.sep}`;

/**
 * The built single-page app; every other GET gets its index.html so deep links work. Files
 * under assets/ change name when they change, so browsers keep them for a year without asking
 * again (opening a paper then waits for no code); index.html is asked for every time, so a new
 * version reaches everyone on their next visit.
 */
function serveClient(app: express.Express, clientDir: string): void {
  const indexHtml = path.join(clientDir, 'index.html');
  app.use(
    express.static(clientDir, {
      index: false,
      setHeaders: (res, filePath) => {
        res.setHeader(
          'Cache-Control',
          filePath.startsWith(path.join(clientDir, HASHED_ASSETS))
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    }),
  );
  app.get('/{*splat}', (_req, res) => {
    if (!fs.existsSync(indexHtml)) {
      res.status(404).type('text/plain').send('The client is not built: run `pnpm build`.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexHtml);
  });
}
