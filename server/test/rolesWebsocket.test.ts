/**
 * Rights on the collaboration socket, per role and phase: who may connect, whose edits are
 * applied, and that a refused edit reaches nobody and nothing on disk.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, PAPER_ROLES, PHASES, type PaperRole, type Phase } from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { CollabClient } from './CollabClient.js';
import { appendText, paperText } from './contentHelpers.js';
import { createCast, paperInPhase, signInAsAdmin, startTestServer, type Cast } from './helpers.js';

let server: RunningServer;
let cast: Cast;
const open: CollabClient[] = [];

function connect(who: keyof Cast | 'admin', paperId: string, adminCookie?: string): CollabClient {
  const cookie = who === 'admin' ? adminCookie : cast[who].client.cookie;
  const client = new CollabClient(server.url, paperId, { cookie });
  open.push(client);
  return client;
}

/** The paper's stored text, read through the server (loading it if nobody has it open). */
function storedText(paperId: string): Promise<string> {
  return server.collab.withPaper(paperId, (paper) => paperText(paper.content.doc));
}

/** An update that appends `text`, made on a copy of the client's doc (not applied to it). */
function appendUpdate(client: CollabClient, text: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
  const before = Y.encodeStateVector(copy);
  appendText(copy, text);
  return Y.encodeStateAsUpdate(copy, before);
}

let adminCookie: string | undefined;
beforeAll(async () => {
  server = await startTestServer();
  const admin = await signInAsAdmin(server);
  adminCookie = admin.cookie;
  cast = await createCast(admin);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
});
afterAll(async () => {
  await server.stop();
});

/**
 * What each person gets on the content socket, written out as DESIGN.md's table says rather
 * than taken from the permission functions the server itself uses: a wrong rule fails here.
 */
const CONTENT_SOCKET: Record<Phase, Record<PaperRole | 'outsider', 'edit' | 'read' | 'refused'>> = {
  concept: {
    editor: 'edit',
    writer: 'edit',
    commenter: 'read',
    reader: 'read',
    outsider: 'refused',
  },
  consultatie: {
    editor: 'edit',
    writer: 'edit',
    commenter: 'read',
    reader: 'read',
    outsider: 'read',
  },
  voorgedragen: {
    editor: 'edit',
    writer: 'read',
    commenter: 'read',
    reader: 'read',
    outsider: 'refused',
  },
  vastgesteld: {
    editor: 'read',
    writer: 'read',
    commenter: 'read',
    reader: 'read',
    outsider: 'refused',
  },
  ingetrokken: {
    editor: 'read',
    writer: 'read',
    commenter: 'read',
    reader: 'read',
    outsider: 'refused',
  },
};

describe('the content socket, per role and phase', () => {
  for (const phase of PHASES) {
    it(`in ${phase}: readers connect read-only, writers as the table says, outsiders are refused`, async () => {
      const paperId = await paperInPhase(cast, phase);
      const observer = connect('admin', paperId, adminCookie);
      await observer.synced;
      for (const who of [...PAPER_ROLES, 'outsider'] as const) {
        const expected = CONTENT_SOCKET[phase][who];
        const client = connect(who, paperId);
        if (expected === 'refused') {
          expect((await client.closed).code, `${who} in ${phase}`).toBe(CloseCode.forbidden);
          continue;
        }
        await client.synced;
        client.type(`[${who}]`);
        await client.roundTrip();
        await observer.roundTrip();
        const applied = observer.text.includes(`[${who}]`);
        expect(applied, `${who} edits in ${phase}`).toBe(expected === 'edit');
        expect(client.ws.readyState, `${who} stays connected`).toBe(client.ws.OPEN);
      }
    });
  }
});

describe('a raw client ignoring its read-only status', () => {
  for (const who of ['commenter', 'reader'] as const) {
    it(`changes nothing as ${who}, by update or by sync step 2`, async () => {
      const paperId = await paperInPhase(cast, 'concept');
      const writer = connect('writer', paperId);
      await writer.synced;
      writer.type('Tekst van de werkgroep.');
      await writer.roundTrip();
      const intruder = connect(who, paperId);
      await intruder.synced;

      intruder.sendRawUpdate(appendUpdate(intruder, ' INGEVOEGD'), syncProtocol.messageYjsUpdate);
      intruder.sendRawUpdate(appendUpdate(intruder, ' OOK'), syncProtocol.messageYjsSyncStep2);
      await intruder.roundTrip();
      await writer.roundTrip();

      expect(writer.text).toBe('Tekst van de werkgroep.');
      expect(intruder.text).toBe('Tekst van de werkgroep.');
      await Promise.all([writer.close(), intruder.close()]);
      expect(await storedText(paperId)).toBe('Tekst van de werkgroep.');
    });
  }
});

describe('presence', () => {
  it("is stamped with the session's identity, whatever the client claims", async () => {
    const paperId = await paperInPhase(cast, 'concept');
    const observer = connect('editor', paperId);
    const forger = connect('commenter', paperId);
    await Promise.all([observer.synced, forger.synced]);
    forger.awareness.setLocalStateField('user', {
      userId: cast.editor.id,
      name: 'Eva Redacteur (Amsterdam)',
      municipality: 'GM0363',
      color: '#000000',
    });
    await expect
      .poll(() => observer.awareness.getStates().get(forger.doc.clientID)?.user)
      .toMatchObject({
        userId: cast.commenter.id,
        name: 'Carla Commentaar (Rotterdam)',
        municipality: 'GM0599',
      });
  });
});
