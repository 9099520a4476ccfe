import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { canEditText, canReadPaper } from '@standpunt/shared';
import { bootstrapAdmin } from './auth/bootstrapAdmin.js';
import { SessionService } from './auth/SessionService.js';
import { openCoordination, type Coordination } from './cluster/openCoordination.js';
import { CollabServer, type CollabAccess } from './collab/CollabServer.js';
import { rejectUpgrade } from './collab/rejectUpgrade.js';
import { withDefaults, type ServerConfig } from './config.js';
import { createApp } from './createApp.js';
import { DraftService } from './drafts/DraftService.js';
import { actorFor } from './http/paperAccess.js';
import { enforceHeadersDeadline } from './http/enforceHeadersDeadline.js';
import { isCollabUpgradePath } from './http/isCollabUpgradePath.js';
import { AccountLinks } from './accounts/AccountLinks.js';
import { watchSessions } from './auth/sessionWatch.js';
import { ThrottledAttempts } from './auth/ThrottledAttempts.js';
import type { Mailer } from './mail/Mailer.js';
import { startMail, type RunningMail } from './mail/startMail.js';
import { localPublicUrl } from './mail/mailSettings.js';
import type { MetaStore } from './storage/MetaStore.js';
import { openStorage } from './storage/openStorage.js';
import { ReactienotaService } from './reactienota/ReactienotaService.js';
import { ThreadService } from './threads/ThreadService.js';

/** What a person may do with a paper's collaboration docs, from their role and its phase. */
async function collabAccess(
  meta: MetaStore,
  userId: string,
  paperId: string,
): Promise<CollabAccess> {
  const [paper, user] = await Promise.all([meta.findPaper(paperId), meta.findUserById(userId)]);
  if (!paper) return 'missing';
  if (!user) return 'none';
  const actor = await actorFor(meta, user, paperId);
  if (!canReadPaper(actor, paper.phase)) return 'none';
  return canEditText(actor, paper.phase) ? 'edit' : 'read';
}

export interface RunningServer {
  /** http://localhost:<port> */
  url: string;
  port: number;
  config: ServerConfig;
  collab: CollabServer;
  /** Where features enqueue mail (see Mailer). */
  mailer: Mailer;
  /** Stops accepting, closes every socket, saves every open paper and releases DATA_DIR. */
  stop(): Promise<void>;
}

/** Starts the whole server — API, client, collaboration sockets — on one port. */
export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const config = withDefaults(overrides);
  const storage = await openStorage(config);
  let coordination: Coordination | undefined;
  let mail: RunningMail | undefined;
  try {
    // Sends what the outbox held at the last stop (or crash) right away.
    mail = startMail(config, storage.outbox);
    const { mailer } = mail;
    coordination = await openCoordination(config);
    const { peers, loginThrottle, resetThrottle, connectionSlots } = coordination;
    const { meta, documents, audit } = storage;
    await bootstrapAdmin(meta, config);
    const sessions = new SessionService(meta, config);
    const throttledAttempts = new ThrottledAttempts(audit, {
      burstMs: config.throttledAuditBurstMs,
      maxBursts: 10_000,
      log: config.log,
    });

    const collab = new CollabServer({
      store: documents,
      config,
      peers,
      connectionSlots,
      async authenticate(req) {
        const signIn = await sessions.signInFrom(req);
        if (!signIn) return null;
        const { id, name, municipality } = signIn.user;
        return { identity: { userId: id, name, municipality }, session: signIn.session };
      },
      access: (identity, paperId) => collabAccess(meta, identity.userId, paperId),
      onWriteRefused(identity, paperId, doc) {
        audit
          .record({ type: 'collab.write_refused', doc }, { actor: identity, paperId })
          .catch((error: unknown) =>
            config.log(`could not record a refused write: ${String(error)}`),
          );
      },
    });

    const drafts = new DraftService({
      papers: collab,
      store: storage.drafts,
      audit,
      log: config.log,
    });
    // Threads made during the consultation cite the draft it is about and its paragraphs.
    const threads = new ThreadService(collab, audit, async (paperId) =>
      (await meta.findPaper(paperId))?.phase === 'consultatie'
        ? drafts.latestNumbering(paperId)
        : null,
    );
    const app = createApp({
      config,
      meta,
      sessions,
      loginThrottle,
      documents,
      audit,
      threads,
      drafts,
      reactienota: new ReactienotaService(collab, drafts),
      mailer,
      links: new AccountLinks(meta, mailer, config),
      resetThrottle,
      throttledAttempts,
      signedOut: (who) => collab.signedOut(who),
      paperAccessChanged: (paperId) => collab.accessChanged(paperId),
    });
    const server = http.createServer(
      {
        // A client that sends its headers or its request too slowly is cut off (slowloris).
        // Node checks every connectionsCheckingInterval, so that runs at a fraction of the
        // timeout; enforceHeadersDeadline (below) covers what Node's check misses.
        headersTimeout: config.headersTimeoutMs,
        requestTimeout: config.requestTimeoutMs,
        connectionsCheckingInterval: Math.max(
          50,
          Math.min(30_000, Math.floor(config.headersTimeoutMs / 4)),
        ),
      },
      app,
    );
    enforceHeadersDeadline(server, config.headersTimeoutMs);
    server.on('upgrade', (req, socket, head) => {
      if (isCollabUpgradePath(req.url)) collab.handleUpgrade(req, socket, head);
      else rejectUpgrade(socket, 400);
    });

    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, resolve);
    });
    const port = (server.address() as AddressInfo).port;
    // A port picked at listen (0, in tests) is known only now, and links in mails must name it.
    if (config.port === 0 && config.publicUrl === localPublicUrl(0)) {
      config.publicUrl = localPublicUrl(port);
    }

    const sessionWatch = watchSessions(collab, meta, {
      intervalMs: config.sessionCheckIntervalMs,
      log: config.log,
    });

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        sessionWatch.stop();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await collab.close();
        server.closeAllConnections();
        await closed;
        await throttledAttempts.flush();
        // No request is left that could enqueue a mail.
        await mail?.stop();
        await coordination?.close();
        await storage.close();
      })();
      return stopping;
    };

    return { url: `http://localhost:${port}`, port, config, collab, mailer, stop };
  } catch (error) {
    await mail?.stop();
    await coordination?.close();
    await storage.close();
    throw error;
  }
}
