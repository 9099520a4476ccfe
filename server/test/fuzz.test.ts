/**
 * Malformed sync traffic: random, truncated and bit-flipped frames of every message type. The
 * server must not crash or hang, must close the sender (4400, or 4413 when too large), and the
 * document of a well-behaved observer and the stored document must not change because of a
 * refused frame.
 *
 * The CI run tries 2,000 frames on a room with in-memory sockets and a smaller run over real
 * sockets; `STANDPUNT_FUZZ_FRAMES=200000` makes both longer (the figures are printed).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, CONTENT_FRAGMENT, MessageType, paperSchema } from '@standpunt/shared';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import { DocRoom } from '../src/collab/DocRoom.js';
import { MemoryRoomSocket } from '../src/collab/MemoryRoomSocket.js';
import { RoomConnection } from '../src/collab/RoomConnection.js';
import { validateContentUpdate } from '../src/collab/validateContentUpdate.js';
import type { RunningServer } from '../src/createServer.js';
import { CollabClient } from './CollabClient.js';
import { fuzzFrameCount, fuzzFrames, seedPaper, Tally, type FuzzFrame } from './fuzzFrames.js';
import { createPaper, signInAsAdmin, startTestServer, type ApiClient } from './helpers.js';

const identity = { userId: 'fuzzer', name: 'Fuzzer', municipality: 'GM0363' };

/** What two docs must agree on: which clocks they have, and the paper they show. */
function sameDoc(a: Y.Doc, b: Y.Doc): void {
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  expect(a.getXmlFragment(CONTENT_FRAGMENT).toString()).toBe(
    b.getXmlFragment(CONTENT_FRAGMENT).toString(),
  );
}

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

/** A doc holds nothing the editor would drop: every Yjs block becomes a ProseMirror block. */
function withinSchema(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(CONTENT_FRAGMENT);
  expect(initProseMirrorDoc(fragment, paperSchema()).doc.childCount).toBe(fragment.length);
  expect([...doc.share.keys()]).toEqual([CONTENT_FRAGMENT]);
}

/** A connection to a room whose peer is a Yjs doc, as a well-behaved client. */
class MemoryPeer {
  readonly doc = new Y.Doc();
  readonly socket: MemoryRoomSocket;
  readonly connection: RoomConnection;

  constructor(readonly room: DocRoom) {
    this.socket = new MemoryRoomSocket((data) => this.#receive(data));
    this.connection = new RoomConnection(this.socket, identity, false);
    room.addConnection(this.connection);
    this.send((e) => syncProtocol.writeSyncStep1(e, this.doc));
  }

  send(write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    write(encoder);
    this.room.handleMessage(this.connection, encoding.toUint8Array(encoder));
  }

  #receive(data: Uint8Array): void {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== MessageType.sync) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, MessageType.sync);
    syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
    // Answered later, not from inside the room's send.
    if (encoding.length(reply) > 1) {
      const bytes = encoding.toUint8Array(reply);
      queueMicrotask(() => this.room.handleMessage(this.connection, bytes));
    }
  }
}

function report(title: string, figures: Record<string, string | number>): void {
  console.log(
    `${title}\n${Object.entries(figures)
      .map(([key, value]) => `  ${key}: ${value}`)
      .join('\n')}`,
  );
}

describe('fuzzing the sync protocol', () => {
  const roomFrames = fuzzFrameCount(2_000);
  const socketFrames = fuzzFrameCount(300);

  it(
    'a room refuses every broken frame and changes nothing for anyone',
    { timeout: 30_000 + roomFrames * 5 },
    async () => {
      const total = roomFrames;
      const stored: Uint8Array[] = [];
      const room = new DocRoom({
        name: 'fuzz/content',
        persist: (update) => void stored.push(update),
        log: () => {},
        schedule: () => {}, // the test ends every tick itself
        validate: validateContentUpdate,
      });
      const { doc: paper, updates } = seedPaper();
      const writer = new MemoryPeer(room);
      for (const update of updates) writer.send((e) => syncProtocol.writeUpdate(e, update));
      room.flush();
      const observer = new MemoryPeer(room);
      await Promise.resolve();
      room.flush();
      sameDoc(observer.doc, paper);

      const byKind = new Tally();
      const byMutation = new Tally();
      const closes = new Tally();
      let refusedButChanged = 0;
      let acceptedEdits = 0;
      let crashes = 0;
      const frames = fuzzFrames(0x5eed, paper, updates);
      for (let i = 0; i < total; i++) {
        const { value } = frames.next() as { value: FuzzFrame };
        byKind.add(value.kind);
        byMutation.add(value.mutation);
        const socket = new MemoryRoomSocket();
        const sender = new RoomConnection(socket, identity, false);
        room.addConnection(sender);
        const before = Y.encodeStateAsUpdate(room.doc);
        try {
          room.handleMessage(sender, value.bytes);
          room.flush();
        } catch (error) {
          crashes++;
          throw new Error(
            `frame ${i} (${value.kind}, ${value.mutation}) escaped: ${String(error)}`,
          );
        }
        const changed = !Buffer.from(before).equals(Buffer.from(Y.encodeStateAsUpdate(room.doc)));
        closes.add(socket.closed?.code ?? 'open');
        if (socket.closed && changed) refusedButChanged++;
        if (!socket.closed && changed) acceptedEdits++;
        room.removeConnection(sender);
        if (i % 250 === 249 || i === total - 1) {
          // A well-behaved client still syncs; observer, room and store agree.
          await Promise.resolve();
          room.flush();
          const late = new MemoryPeer(room);
          await Promise.resolve();
          room.flush();
          sameDoc(late.doc, room.doc);
          sameDoc(observer.doc, room.doc);
          room.removeConnection(late.connection);
        }
      }
      const fromStore = new Y.Doc();
      for (const update of stored) Y.applyUpdate(fromStore, update);
      sameDoc(fromStore, room.doc);
      withinSchema(room.doc);
      expect(room.doc.store.pendingStructs).toBeNull();
      expect(room.doc.store.pendingDs).toBeNull();
      report('fuzz, DocRoom with in-memory sockets', {
        frames: total,
        'by kind': byKind.toString(),
        'by mutation': byMutation.toString(),
        'closes by code': closes.toString(),
        crashes,
        'refused frames that changed the doc': refusedButChanged,
        'accepted frames that changed the doc (valid edits, relayed and stored)': acceptedEdits,
      });
      expect(refusedButChanged).toBe(0);
      // Every refusal is a protocol close, never a server error.
      expect([...closes.counts.keys()].every((code) => ['4400', 'open'].includes(code))).toBe(true);
    },
  );

  describe('over real sockets', () => {
    let server: RunningServer;
    let admin: ApiClient;
    const MAX_MESSAGE_BYTES = 32 * 1024;

    beforeAll(async () => {
      server = await startTestServer({ maxMessageBytes: MAX_MESSAGE_BYTES });
      admin = await signInAsAdmin(server);
    });
    afterAll(async () => {
      await server.stop();
    });

    it(
      'the server closes each broken sender, stays up, and the paper stays as it was',
      { timeout: 60_000 + socketFrames * 50 },
      async () => {
        const total = socketFrames;
        const paperId = (await createPaper(admin, 'Fuzz')).id;
        const { doc: paper, updates } = seedPaper();
        const serverDoc = () =>
          server.collab.withPaper(paperId, (p) => Y.encodeStateAsUpdate(p.content.doc));
        const writer = new CollabClient(server.url, paperId, { cookie: admin.cookie });
        await writer.synced;
        for (const update of updates) writer.sendRawUpdate(update);
        await writer.roundTrip();
        await writer.close();
        const observer = new CollabClient(server.url, paperId, { cookie: admin.cookie });
        await observer.synced;
        // The seeded paper, after what the server put in the new paper itself.
        expect(Y.encodeStateVector(observer.doc)).toEqual(
          Y.encodeStateVector(docFrom(await serverDoc())),
        );
        expect(Y.getState(observer.doc.store, paper.clientID)).toBe(
          Y.getState(paper.store, paper.clientID),
        );

        const byKind = new Tally();
        const closes = new Tally();
        let refusedButChanged = 0;
        let acceptedEdits = 0;
        const frames = fuzzFrames(0xc0ffee, paper, updates);
        for (let i = 0; i < total; i++) {
          let { value } = frames.next() as { value: FuzzFrame };
          if (i % 50 === 25) {
            value = {
              kind: 'random bytes',
              mutation: 'intact',
              bytes: new Uint8Array(MAX_MESSAGE_BYTES + 1),
            };
          }
          byKind.add(value.kind);
          const before = await serverDoc();
          const sender = new CollabClient(server.url, paperId, { cookie: admin.cookie });
          await sender.synced;
          sender.sendFrame(value.bytes);
          // Either the server closes it, or it answers the next message: nothing hangs.
          const outcome = await Promise.race([
            sender.closed.then(({ code }) => code),
            sender.roundTrip().then(() => 'open' as const),
          ]);
          closes.add(outcome);
          await sender.close();
          const changed = !Buffer.from(before).equals(Buffer.from(await serverDoc()));
          if (outcome !== 'open' && changed) refusedButChanged++;
          if (outcome === 'open' && changed) acceptedEdits++;
        }
        await observer.roundTrip();
        const live = docFrom(await serverDoc());
        sameDoc(observer.doc, live);
        withinSchema(live);

        // What is on disk is what everyone has: a restart on the same files gives the same doc.
        const dataDir = server.config.dataDir;
        await server.stop();
        server = await startTestServer({ dataDir, maxMessageBytes: MAX_MESSAGE_BYTES });
        admin = await signInAsAdmin(server);
        const fromStore = docFrom(await serverDoc());
        sameDoc(fromStore, observer.doc);
        await observer.close();

        report('fuzz, real server over websockets', {
          frames: total,
          'by kind': byKind.toString(),
          'closes by code': closes.toString(),
          crashes: 0,
          'refused frames that changed the doc': refusedButChanged,
          'accepted frames that changed the doc (valid edits)': acceptedEdits,
        });
        expect(refusedButChanged).toBe(0);
        expect(closes.counts.get(String(CloseCode.messageTooLarge))).toBe(
          Math.ceil((total - 25) / 50),
        );
        expect(
          [...closes.counts.keys()].every((code) => ['4400', '4413', 'open'].includes(code)),
        ).toBe(true);
      },
    );
  });
});
