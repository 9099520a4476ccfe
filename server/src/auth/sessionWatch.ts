/**
 * Closes the collaboration sockets of sessions that expired. An ended session closes its
 * sockets at once (CollabServer.signedOut); one that simply runs out has no moment at which
 * anyone acts, so every process looks at its own open sessions now and then. It is also the
 * safety net for a sign-out whose message to the other processes was lost.
 */
import type { MetaStore } from '../storage/MetaStore.js';
import type { CollabServer } from '../collab/CollabServer.js';

export interface SessionWatch {
  stop(): void;
}

export function watchSessions(
  collab: Pick<CollabServer, 'openSessions' | 'closeSignedOut'>,
  meta: Pick<MetaStore, 'findSession'>,
  { intervalMs, log }: { intervalMs: number; log: (message: string) => void },
): SessionWatch {
  let checking = false;
  const check = async () => {
    if (checking) return;
    checking = true;
    try {
      const now = new Date().toISOString();
      for (const session of collab.openSessions()) {
        const record = await meta.findSession(session);
        if (!record || record.expiresAt <= now) collab.closeSignedOut({ session });
      }
    } catch (error) {
      log(`session watch: ${String(error)}`);
    } finally {
      checking = false;
    }
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
