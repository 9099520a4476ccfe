import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it, vi } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CloseCode, MessageType, userColor } from '@standpunt/shared';
import { appendText, paperText } from '../../test/contentHelpers.js';
import { AwarenessSweeper } from './AwarenessSweeper.js';
import { DocRoom } from './DocRoom.js';
import { MemoryRoomSocket } from './MemoryRoomSocket.js';
import { RoomConnection } from './RoomConnection.js';
import { serverActionOrigin } from './transactionOrigins.js';

const stopAwarenessTimer = (awareness: awarenessProtocol.Awareness) =>
  clearInterval((awareness as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);

/**
 * A client as y-websocket's WebsocketProvider behaves, minus the network: frames queue up in
 * both directions until {@link settle} delivers them, so every test is deterministic.
 */
class TestClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly inbox: Uint8Array[] = [];
  readonly outbox: Uint8Array[] = [];
  readonly socket = new MemoryRoomSocket((data) => this.inbox.push(data));
  readonly connection: RoomConnection;
  /** Frames received from the room so far. */
  received = 0;

  constructor(
    readonly room: DocRoom,
    {
      readOnly = false,
      userId = 'u1',
      name,
      municipality = 'GM0363',
    }: { readOnly?: boolean; userId?: string; name?: string; municipality?: string } = {},
  ) {
    stopAwarenessTimer(this.awareness);
    this.connection = new RoomConnection(
      this.socket,
      { userId, name: name ?? userId, municipality },
      readOnly,
    );
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.send(MessageType.sync, (e) => syncProtocol.writeUpdate(e, update));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>) => {
      const changed = [...added!, ...updated!, ...removed!];
      this.send(MessageType.awareness, (e) =>
        encoding.writeVarUint8Array(
          e,
          awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
        ),
      );
    });
  }

  connect(): this {
    this.room.addConnection(this.connection);
    this.send(MessageType.sync, (e) => syncProtocol.writeSyncStep1(e, this.doc));
    return this;
  }

  get text(): string {
    return paperText(this.doc);
  }

  /** Types at the end of the last paragraph, as the editor writes text. */
  type(text: string): void {
    appendText(this.doc, text);
  }

  send(type: number, write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    write(encoder);
    this.outbox.push(encoding.toUint8Array(encoder));
  }

  /** Hands the queued frames to the room, without ending the tick. */
  deliver(): void {
    for (const frame of this.outbox.splice(0)) this.room.handleMessage(this.connection, frame);
  }

  /**
   * Delivers queued frames both ways, the room's tick ending in between (as the event loop
   * would after reading them); false when there was nothing to do.
   */
  pump(): boolean {
    const work = this.inbox.length + this.outbox.length > 0;
    this.deliver();
    this.room.flush();
    for (const frame of this.inbox.splice(0)) this.#receive(frame);
    return work;
  }

  #receive(frame: Uint8Array): void {
    this.received++;
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > 1) this.outbox.push(encoding.toUint8Array(reply));
    } else if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        decoding.readVarUint8Array(decoder),
        this,
      );
    }
  }
}

function settle(...clients: TestClient[]): void {
  for (let round = 0; round < 100; round++) {
    if (!clients.map((client) => client.pump()).some(Boolean)) return;
  }
  throw new Error('clients did not settle');
}

function createRoom(persist: (update: Uint8Array) => void | Promise<void> = () => {}) {
  const log = vi.fn<(message: string) => void>();
  // Ends of ticks are played by the tests (TestClient.pump, room.flush), never by a timer.
  const room = new DocRoom({ name: 'p1/content', persist, log, schedule: () => {} });
  return { room, log };
}

const roomText = (room: DocRoom) => paperText(room.doc);

describe('DocRoom', () => {
  it('makes two clients converge, with what each had before connecting', () => {
    const { room } = createRoom();
    const a = new TestClient(room, { userId: 'a' });
    const b = new TestClient(room, { userId: 'b' });
    a.type('A');
    b.type('B');
    a.connect();
    b.connect();
    settle(a, b);
    expect(a.text).toHaveLength(2);
    expect(b.text).toBe(a.text);
    expect(roomText(room)).toBe(a.text);

    a.type('!');
    settle(a, b);
    expect(b.text).toBe(a.text);
    expect(b.text).toContain('!');
  });

  it('starts from its stored updates without storing them again, and serves them to a joining client', () => {
    const earlier = new TestClient(createRoom().room, { userId: 'a' });
    earlier.type('Eerder');
    earlier.type(' geschreven');
    const stored = [Y.encodeStateAsUpdate(earlier.doc)];
    const persist = vi.fn();
    const room = new DocRoom(
      { name: 'p1/content', persist, log: vi.fn(), schedule: () => {} },
      stored,
    );
    expect(roomText(room)).toBe('Eerder geschreven');

    const joining = new TestClient(room, { userId: 'b' });
    joining.connect();
    settle(joining);
    room.flush();
    expect(joining.text).toBe('Eerder geschreven');
    expect(persist).not.toHaveBeenCalled();
  });

  it('stores an update before relaying it, and relays one encoding to every other connection', () => {
    const persisted: Uint8Array[] = [];
    let relayedBeforePersist = false;
    const { room } = createRoom((update) => {
      relayedBeforePersist ||= b.inbox.length > 0 || c.inbox.length > 0;
      persisted.push(update);
    });
    const a = new TestClient(room).connect();
    const b = new TestClient(room).connect();
    const c = new TestClient(room).connect();
    settle(a, b, c);

    a.type('hallo');
    a.pump(); // only a's frame reaches the room
    expect(persisted).toHaveLength(1);
    expect(relayedBeforePersist).toBe(false);
    expect(a.inbox).toHaveLength(0); // not echoed to the sender
    expect(b.inbox).toHaveLength(1);
    expect(b.inbox[0]).toBe(c.inbox[0]); // the same bytes, encoded once
    settle(a, b, c);
    expect(c.text).toBe('hallo');
  });

  it("refuses a read-only connection's updates: not applied, not relayed, socket stays open", () => {
    const persist = vi.fn();
    const { room } = createRoom(persist);
    const writer = new TestClient(room).connect();
    const reader = new TestClient(room, { readOnly: true }).connect();
    writer.type('tekst');
    settle(writer, reader);
    expect(reader.text).toBe('tekst');
    persist.mockClear();
    // Answering the server's sync step 1 with an empty update is no attempt to write.
    expect(reader.connection.refusedWrites).toBe(0);

    reader.type(' van een lezer');
    settle(writer, reader);
    expect(reader.connection.refusedWrites).toBe(1);
    expect(roomText(room)).toBe('tekst');
    expect(writer.text).toBe('tekst');
    expect(persist).not.toHaveBeenCalled();
    expect(reader.socket.isOpen()).toBe(true);

    writer.type('!');
    settle(writer, reader);
    expect(reader.text).toContain('!');
  });

  it('closes a connection that sends a malformed frame with 4400 and leaves the doc as it was', () => {
    const { room, log } = createRoom();
    const a = new TestClient(room).connect();
    a.type('heel');
    settle(a);
    const before = Y.encodeStateAsUpdate(room.doc);

    const garbage = new Uint8Array([MessageType.sync, syncProtocol.messageYjsUpdate, 5, 1, 2, 3]);
    room.handleMessage(a.connection, garbage);

    expect(a.socket.closed?.code).toBe(CloseCode.malformedMessage);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('malformed'));
  });

  it('holds back an update with a gap until the same client sends what fills it, relaying nothing before', () => {
    const persisted: Uint8Array[] = [];
    const { room } = createRoom((update) => void persisted.push(update));
    const a = new TestClient(room).connect();
    const b = new TestClient(room).connect();
    settle(a, b);
    // What a crash lost: a's first update never reached the room; its next one arrives first.
    const offline = new Y.Doc();
    offline.clientID = 77;
    const updates: Uint8Array[] = [];
    offline.on('update', (update: Uint8Array) => updates.push(update));
    appendText(offline, 'verloren');
    appendText(offline, ' en later');
    const sendUpdate = (update: Uint8Array) =>
      a.send(MessageType.sync, (e) => syncProtocol.writeUpdate(e, update));
    sendUpdate(updates[1]!);
    a.pump();
    expect(a.socket.isOpen()).toBe(true);
    expect(persisted).toHaveLength(0);
    expect(b.inbox).toHaveLength(0);
    expect(a.connection.heldUpdates).toHaveLength(1);

    sendUpdate(updates[0]!); // the client's answer to sync step 1 brings the rest
    settle(a, b);
    expect(a.connection.heldUpdates ?? []).toHaveLength(0);
    expect(roomText(room)).toBe('verloren en later');
    expect(b.text).toBe('verloren en later');
    expect(room.doc.store.pendingStructs).toBeNull();
  });

  it('closes with 4400 a connection that keeps sending updates with gaps, none applied', () => {
    const persist = vi.fn();
    const { room } = createRoom(persist);
    const a = new TestClient(room).connect();
    settle(a);
    const before = Y.encodeStateAsUpdate(room.doc);
    const gapped = new Y.Doc();
    const updates: Uint8Array[] = [];
    gapped.on('update', (update: Uint8Array) => updates.push(update));
    for (let i = 0; i < 300; i++) appendText(gapped, 'x');
    for (const update of updates.slice(1)) {
      room.handleMessage(
        a.connection,
        (() => {
          const encoder = encoding.createEncoder();
          encoding.writeVarUint(encoder, MessageType.sync);
          syncProtocol.writeUpdate(encoder, update);
          return encoding.toUint8Array(encoder);
        })(),
      );
    }
    room.flush();
    expect(a.socket.closed?.code).toBe(CloseCode.malformedMessage);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect(persist).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown message type', [9]],
    ['an unknown sync message type', [MessageType.sync, 7]],
    ['an empty frame', []],
    ['awareness that is not JSON', [MessageType.awareness, 5, 1, 1, 1, 1, 0x7b]],
  ])('closes with 4400 on %s', (_, bytes) => {
    const { room } = createRoom();
    const a = new TestClient(room).connect();
    room.handleMessage(a.connection, new Uint8Array(bytes));
    expect(a.socket.closed?.code).toBe(CloseCode.malformedMessage);
  });

  it('closes with 1011 and relays nothing when storing an update fails', () => {
    const { room, log } = createRoom(() => {
      throw new Error('disk full');
    });
    const a = new TestClient(room).connect();
    const b = new TestClient(room).connect();
    settle(a, b);
    a.type('x');
    a.pump();
    expect(a.socket.closed?.code).toBe(1011);
    expect(b.inbox).toHaveLength(0);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk full'));
  });

  it('relays server actions to every connection', () => {
    const { room } = createRoom();
    const a = new TestClient(room).connect();
    const b = new TestClient(room).connect();
    settle(a, b);
    Y.transact(room.doc, () => appendText(room.doc, 'van de server'), serverActionOrigin('test'));
    settle(a, b);
    expect(a.text).toBe('van de server');
    expect(b.text).toBe('van de server');
  });

  it('sends presence to newcomers and removes a connection’s presence when it leaves', () => {
    const { room } = createRoom();
    const a = new TestClient(room, { userId: 'a', name: 'Anna' }).connect();
    a.awareness.setLocalStateField('user', { name: 'Anna', userId: 'a' });
    settle(a);
    const b = new TestClient(room, { userId: 'b' }).connect();
    settle(a, b);
    expect(b.awareness.getStates().get(a.doc.clientID)).toMatchObject({
      user: { name: 'Anna (Amsterdam)' },
    });

    room.removeConnection(a.connection);
    settle(b);
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
    expect(room.presenceStates.size).toBe(0);
  });

  it('echoes awareness to its sender, so a lone y-websocket client keeps hearing the server', () => {
    const { room } = createRoom();
    const a = new TestClient(room).connect();
    settle(a);
    const before = a.received;
    a.awareness.setLocalStateField('user', { name: 'Anna' });
    settle(a);
    expect(a.received).toBe(before + 1);
  });

  it('stamps presence with the session, and ignores presence sent for someone else’s client id', () => {
    const { room } = createRoom();
    const a = new TestClient(room, { userId: 'a', name: 'Anna', municipality: 'GM0363' }).connect();
    a.awareness.setLocalStateField('user', {
      name: 'Mallory (Utrecht)',
      userId: 'mallory',
      municipality: 'VNG',
      color: '#000000',
    });
    settle(a);
    expect(room.presenceStates.get(a.doc.clientID)).toEqual({
      user: {
        name: 'Anna (Amsterdam)',
        userId: 'a',
        municipality: 'GM0363',
        color: userColor('a'),
      },
    });

    const m = new TestClient(room, { userId: 'm' }).connect();
    settle(a, m);
    const forged = new Map([[a.doc.clientID, { user: { name: 'Nep' } }]]);
    a.awareness.meta.set(a.doc.clientID, { clock: 99, lastUpdated: Date.now() });
    m.send(MessageType.awareness, (e) =>
      encoding.writeVarUint8Array(
        e,
        awarenessProtocol.encodeAwarenessUpdate(a.awareness, [a.doc.clientID], forged),
      ),
    );
    settle(a, m);
    expect(room.presenceStates.get(a.doc.clientID)).toMatchObject({
      user: { name: 'Anna (Amsterdam)' },
    });
    expect(m.socket.isOpen()).toBe(true);
  });

  it('answers a query for awareness with every state', () => {
    const { room } = createRoom();
    const a = new TestClient(room).connect();
    a.awareness.setLocalStateField('user', { name: 'Anna' });
    settle(a);
    const b = new TestClient(room).connect();
    settle(a, b);
    const before = b.received;
    b.send(MessageType.queryAwareness, () => {});
    settle(a, b);
    expect(b.received).toBe(before + 1);
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(true);
  });

  it('lets the shared sweeper drop stale presence and tell the others', () => {
    const { room } = createRoom();
    const sweeper = new AwarenessSweeper(30_000);
    sweeper.add(room);
    const a = new TestClient(room).connect();
    const b = new TestClient(room).connect();
    a.awareness.setLocalStateField('user', { name: 'Anna' });
    settle(a, b);
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(true);

    expect(sweeper.sweep(Date.now() + 1_000)).toBe(0);
    // a has gone silent (a live client would re-announce itself when told it was removed).
    expect(sweeper.sweep(Date.now() + 30_000)).toBe(1);
    settle(b);
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
    sweeper.stop();
  });

  it('stores the updates of one tick with one write and relays them as one frame', () => {
    const persisted: Uint8Array[] = [];
    const { room } = createRoom((update) => void persisted.push(update));
    const a = new TestClient(room, { userId: 'a' }).connect();
    const b = new TestClient(room, { userId: 'b' }).connect();
    const c = new TestClient(room, { userId: 'c' }).connect();
    settle(a, b, c);

    a.type('een');
    b.type('twee');
    a.deliver();
    b.deliver();
    expect(persisted).toHaveLength(0); // applied, but neither stored nor relayed yet
    expect(c.inbox).toHaveLength(0);
    room.flush();
    expect(persisted).toHaveLength(1);
    expect(c.inbox).toHaveLength(1);
    expect(a.inbox[0]).toBe(c.inbox[0]); // two senders: both get the one merged frame
    settle(a, b, c);
    expect(c.text).toBe(roomText(room));
    expect(c.text).toContain('een');
    expect(c.text).toContain('twee');
  });

  it('stores pending updates before answering a joining client, so it never gets unstored text', () => {
    const persisted: Uint8Array[] = [];
    const { room } = createRoom((update) => void persisted.push(update));
    const a = new TestClient(room).connect();
    settle(a);
    a.type('nog niet opgeslagen');
    a.deliver();
    expect(persisted).toHaveLength(0);

    const late = new TestClient(room).connect();
    late.deliver(); // its sync step 1, answered from the doc
    expect(persisted).toHaveLength(1);
    settle(a, late);
    expect(late.text).toBe('nog niet opgeslagen');
  });

  it('relays changed presence within the tick, and holds renewals back for the sweeper', () => {
    const { room } = createRoom();
    const sweeper = new AwarenessSweeper(30_000);
    sweeper.add(room);
    const a = new TestClient(room).connect();
    const b = new TestClient(room).connect();
    a.awareness.setLocalStateField('user', { name: 'Anna' });
    settle(a, b);
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(true);

    const before = b.received;
    a.awareness.setLocalState(a.awareness.getLocalState()); // a renewal: same state, new clock
    settle(a, b);
    expect(b.received).toBe(before);

    sweeper.sweep();
    settle(a, b);
    expect(b.received).toBe(before + 1);
    expect(b.awareness.meta.get(a.doc.clientID)?.clock).toBe(
      a.awareness.meta.get(a.doc.clientID)?.clock,
    );

    a.awareness.setLocalStateField('cursor', { anchor: 1 });
    settle(a, b);
    expect(b.received).toBe(before + 2);
    sweeper.stop();
  });

  describe('with an asynchronous store (a database)', () => {
    /** A store whose writes complete when the test says so. */
    function slowStore() {
      const writes: { update: Uint8Array; finish: () => void; fail: (error: Error) => void }[] = [];
      const persist = (update: Uint8Array) =>
        new Promise<void>((resolve, reject) =>
          writes.push({ update, finish: resolve, fail: reject }),
        );
      return { writes, persist };
    }
    const turn = () => new Promise((resolve) => setImmediate(resolve));

    it('relays a batch only once it is stored, and writes what came meanwhile as the next one', async () => {
      const store = slowStore();
      const { room } = createRoom(store.persist);
      const a = new TestClient(room, { userId: 'a' }).connect();
      const b = new TestClient(room, { userId: 'b' }).connect();
      settle(a, b);

      a.type('een');
      a.deliver();
      room.flush();
      expect(store.writes).toHaveLength(1);
      expect(b.inbox).toHaveLength(0);

      a.type(' twee');
      a.deliver();
      room.flush();
      expect(store.writes).toHaveLength(1); // waits for the first write

      store.writes[0]!.finish();
      await turn();
      expect(b.inbox).toHaveLength(1); // the first batch, relayed
      expect(store.writes).toHaveLength(2); // the second one, now being written
      store.writes[1]!.finish();
      await turn();
      settle(a, b);
      expect(b.text).toBe('een twee');
    });

    it('answers a joining client only after what the doc holds is stored', async () => {
      const store = slowStore();
      const { room } = createRoom(store.persist);
      const a = new TestClient(room).connect();
      settle(a);
      a.type('onderweg');
      a.deliver();

      const late = new TestClient(room).connect();
      const framesBefore = late.inbox.length; // sync step 1 of the server
      late.deliver(); // its sync step 1
      expect(late.inbox).toHaveLength(framesBefore);
      store.writes[0]!.finish();
      await turn();
      expect(late.inbox.length).toBeGreaterThan(framesBefore);
      settle(a, late);
      expect(late.text).toBe('onderweg');
    });

    it('closes the senders and the waiting askers with 1011 when a write fails, and relays nothing', async () => {
      const store = slowStore();
      const { room, log } = createRoom(store.persist);
      const a = new TestClient(room, { userId: 'a' }).connect();
      const b = new TestClient(room, { userId: 'b' }).connect();
      settle(a, b);
      a.type('verloren');
      a.deliver();
      room.flush();
      const late = new TestClient(room, { userId: 'c' }).connect();
      late.deliver();

      store.writes[0]!.fail(new Error('database unreachable'));
      await turn();
      expect(a.socket.closed?.code).toBe(1011);
      expect(late.socket.closed?.code).toBe(1011);
      expect(b.socket.closed).toBeNull();
      expect(b.inbox).toHaveLength(0);
      expect(log).toHaveBeenCalledWith(expect.stringContaining('database unreachable'));
    });

    it('lets a server action wait for its write, and fail with it', async () => {
      const store = slowStore();
      const { room } = createRoom(store.persist);
      Y.transact(room.doc, () => appendText(room.doc, 'van de server'), serverActionOrigin('test'));
      const stored = room.whenStored();
      let settled = false;
      void stored.then(() => (settled = true));
      await turn();
      expect(settled).toBe(false);
      store.writes[0]!.finish();
      await stored;

      Y.transact(room.doc, () => appendText(room.doc, ' en nog'), serverActionOrigin('test'));
      const failing = room.whenStored();
      store.writes[1]!.fail(new Error('disk full'));
      await expect(failing).rejects.toThrow('disk full');
    });
  });
});
