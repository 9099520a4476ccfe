import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { canEditText, canReadPaper } from '@standpunt/shared';
import { bootstrapAdmin } from './auth/bootstrapAdmin.js';
import { SessionService } from './auth/SessionService.js';
import { CollabServer } from './collab/CollabServer.js';
import { rejectUpgrade } from './collab/rejectUpgrade.js';
import { withDefaults, type ServerConfig } from './config.js';
import { createApp } from './createApp.js';
import { AuditLog } from './audit/AuditLog.js';
import { DraftService } from './drafts/DraftService.js';
import { actorFor } from './http/paperAccess.js';
import { enforceHeadersDeadline } from './http/enforceHeadersDeadline.js';
import { isCollabUpgradePath } from './http/isCollabUpgradePath.js';
import { acquireDataDirLock } from './storage/dataDirLock.js';
import { FileDocumentStore } from './storage/FileDocumentStore.js';
import { FileDraftStore } from './storage/FileDraftStore.js';
import { MetaStore } from './storage/MetaStore.js';
import { ReactienotaService } from './reactienota/ReactienotaService.js';
import { ThreadService } from './threads/ThreadService.js';

export interface RunningServer {
  /** http://localhost:<port> */
  url: string;
  port: number;
  config: ServerConfig;
  collab: CollabServer;
  /** Stops accepting, closes every socket, saves every open paper and releases DATA_DIR. */
  stop(): Promise<void>;
}

/** Starts the whole server — API, client, collaboration sockets — on one port. */
export async function startServer(overrides: Partial<ServerConfig> = {}): Promise<RunningServer> {
  const config = withDefaults(overrides);
  await fs.mkdir(config.dataDir, { recursive: true });
  const releaseLock = acquireDataDirLock(config.dataDir);
  try {
    const meta = await MetaStore.open(config.dataDir);
    await bootstrapAdmin(meta, config);
    const sessions = new SessionService(meta, config);
    const documents = new FileDocumentStore(config.dataDir);
    const audit = new AuditLog(config.dataDir);

    const collab = new CollabServer({
      store: documents,
      config,
      authenticate(req) {
        const user = sessions.userFrom(req);
        return user && { userId: user.id, name: user.name, municipality: user.municipality };
      },
      paperExists: (paperId) => meta.findPaper(paperId) !== undefined,
      canRead(identity, paperId) {
        const paper = meta.findPaper(paperId);
        const user = meta.findUserById(identity.userId);
        return !!paper && !!user && canReadPaper(actorFor(meta, user, paperId), paper.phase);
      },
      onWriteRefused(identity, paperId, doc) {
        audit.record({ type: 'collab.write_refused', doc }, { actor: identity, paperId });
      },
      canEdit(identity, paperId) {
        const paper = meta.findPaper(paperId);
        const user = meta.findUserById(identity.userId);
        return !!paper && !!user && canEditText(actorFor(meta, user, paperId), paper.phase);
      },
    });

    const drafts = new DraftService({
      papers: collab,
      store: new FileDraftStore(config.dataDir),
      audit,
      log: config.log,
    });
    // Threads made during the consultation cite the draft it is about and its paragraphs.
    const threads = new ThreadService(collab, audit, (paperId) =>
      meta.findPaper(paperId)?.phase === 'consultatie'
        ? drafts.latestNumbering(paperId)
        : Promise.resolve(null),
    );
    const app = createApp({
      config,
      meta,
      sessions,
      documents,
      audit,
      threads,
      drafts,
      reactienota: new ReactienotaService(collab, drafts),
      paperAccessChanged: (paperId) => collab.refreshAccess(paperId),
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

    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        await collab.close();
        server.closeAllConnections();
        await closed;
        await documents.close();
        audit.close();
        releaseLock();
      })();
      return stopping;
    };

    return { url: `http://localhost:${port}`, port, config, collab, stop };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
