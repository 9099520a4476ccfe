/**
 * What every AuditLog does, whichever backend keeps the trail: numbered from 1 in the order
 * recorded, stored as recorded, filtered as `matchesAuditFilter` defines.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditActor, AuditEvent } from '@standpunt/shared';
import {
  matchesAuditFilter,
  type AuditContext,
  type AuditFilter,
  type AuditLog,
} from '../../audit/AuditLog.js';
import { OpenStores, type OpenStore } from './StoreUnderTest.js';

export interface AuditLogExtras {
  /** The events as the backend keeps them, as JSON text, in order. */
  storedJson(): Promise<string[]>;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const actor = (n: number): AuditActor => ({
  userId: `user${n}`,
  name: `Persoon ${n}`,
  municipality: 'GM0363',
});

/** A pause long enough for the next event to get a later `at` (milliseconds). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 3));

export function describeAuditLogContract(
  backend: string,
  open: OpenStore<AuditLog, AuditLogExtras>,
): void {
  describe(`AuditLog contract (${backend})`, () => {
    let log: AuditLog;
    let reopen: () => Promise<AuditLog>;
    let cleanup: () => Promise<void>;
    let storedJson: AuditLogExtras['storedJson'];
    const logs = new OpenStores<AuditLog>();

    beforeEach(async () => {
      const opened = await open();
      ({ reopen, cleanup, storedJson } = opened);
      log = logs.add(opened.store);
    });
    afterEach(async () => {
      await logs.closeAll();
      await cleanup();
    });

    async function restart(): Promise<AuditLog> {
      await logs.close(log);
      log = logs.add(await reopen());
      return log;
    }

    /** A varied trail: several papers, actors, none of either, spread over time. */
    async function recordTrail(): Promise<AuditEvent[]> {
      const contexts: AuditContext[] = [
        { actor: null, ip: '192.0.2.1' },
        { actor: actor(1), ip: '192.0.2.1' },
        { actor: actor(1), paperId: 'paper1' },
        { actor: actor(2), paperId: 'paper2' },
        { actor: actor(1), paperId: 'paper2' },
        { actor: actor(2), paperId: 'paper3' },
        { actor: actor(3), paperId: null },
      ];
      const events: AuditEvent[] = [];
      events.push(
        await log.record(
          { type: 'auth.login_failed', email: 'x@gemeente.test', reason: 'credentials' },
          contexts[0]!,
        ),
      );
      for (const context of contexts.slice(1)) {
        await tick();
        events.push(await log.record({ type: 'paper.renamed', from: 'A', to: 'B' }, context));
      }
      return events;
    }

    it('holds nothing at first', async () => {
      expect(await log.query()).toStrictEqual([]);
      expect(await log.query({ paperId: 'paper1' })).toStrictEqual([]);
    });

    it('numbers events from 1 and returns them as stored', async () => {
      const before = new Date().toISOString();
      const first = await log.record(
        { type: 'paper.created', title: 'Titel' },
        { actor: actor(1), paperId: 'paper1' },
      );
      const second = await log.record(
        { type: 'auth.login', email: 'persoon1@gemeente.test' },
        { actor: actor(1), ip: '192.0.2.7' },
      );
      const after = new Date().toISOString();

      expect(first).toStrictEqual({
        seq: 1,
        at: first.at,
        actor: actor(1),
        paperId: 'paper1',
        type: 'paper.created',
        title: 'Titel',
      });
      expect(second).toStrictEqual({
        seq: 2,
        at: second.at,
        actor: actor(1),
        paperId: null,
        ip: '192.0.2.7',
        type: 'auth.login',
        email: 'persoon1@gemeente.test',
      });
      for (const { at } of [first, second]) {
        expect(at).toMatch(ISO_TIME);
        expect(at >= before && at <= after).toBe(true);
      }
      expect(await log.query()).toStrictEqual([first, second]);
    });

    it('gives the last events that match and how many match, and all of them in batches', async () => {
      const events = await recordTrail();
      const ofPaper2 = events.filter((event) => event.paperId === 'paper2');
      expect(await log.latest({}, 3)).toStrictEqual({ events: events.slice(-3), total: 7 });
      expect(await log.latest({ paperId: 'paper2' }, 1)).toStrictEqual({
        events: ofPaper2.slice(-1),
        total: 2,
      });
      expect(await log.latest({ paperId: 'none' }, 5)).toStrictEqual({ events: [], total: 0 });
      expect(await log.latest({}, 100)).toStrictEqual({ events, total: 7 });
      const batches: AuditEvent[][] = [];
      for await (const batch of log.each({ actorId: 'user1' })) batches.push(batch);
      expect(batches.flat()).toStrictEqual(
        events.filter((event) => event.actor?.userId === 'user1'),
      );
      await restart();
      expect((await log.latest({}, 2)).events).toStrictEqual(events.slice(-2));
    });

    it('writes no ip when there is none', async () => {
      const event = await log.record({ type: 'auth.logout' }, { actor: actor(1), ip: '' });
      expect('ip' in event).toBe(false);
      expect('ip' in (await log.query())[0]!).toBe(false);
    });

    it('keeps each event as the same JSON text, key order included', async () => {
      const events = await recordTrail();
      expect(await storedJson()).toStrictEqual(events.map((event) => JSON.stringify(event)));
      const queried = await log.query();
      expect(queried.map((event) => JSON.stringify(event))).toStrictEqual(
        events.map((event) => JSON.stringify(event)),
      );
    });

    it('keeps every field of every kind of detail', async () => {
      const recorded = [
        await log.record(
          { type: 'member.role_set', userId: 'user2', from: null, to: 'writer' },
          { actor: actor(1), paperId: 'paper1' },
        ),
        await log.record(
          { type: 'paper.closing_date_set', closesAt: null },
          { actor: actor(1), paperId: 'paper1' },
        ),
        await log.record(
          { type: 'draft.exported', number: 3, format: 'pdf', sha256: 'ab'.repeat(32) },
          { actor: actor(1), paperId: 'paper1' },
        ),
        await log.record(
          { type: 'paper.renamed', from: 'Oud “citaat” — é', to: 'Nieuw\n🙂' },
          { actor: actor(1), paperId: 'paper1' },
        ),
      ];
      expect(await log.query()).toStrictEqual(recorded);
    });

    it('filters as matchesAuditFilter does', async () => {
      const events = await recordTrail();
      const at = (i: number) => events[i]!.at;
      const filters: AuditFilter[] = [
        {},
        { paperId: 'paper2' },
        { paperId: 'paper9' },
        { paperIds: new Set(['paper1', 'paper3']) },
        { paperIds: new Set() },
        { actorId: 'user1' },
        { actorId: 'user9' },
        { from: at(2) },
        { to: at(2) },
        { from: at(1), to: at(4) },
        { from: at(3), to: at(3) },
        { paperIds: new Set(['paper2', 'paper3']), actorId: 'user2' },
        { paperIds: new Set(['paper1']), paperId: 'paper2' },
        { paperId: 'paper2', from: at(4) },
      ];
      for (const filter of filters) {
        const expected = events.filter((event) => matchesAuditFilter(event, filter));
        expect(await log.query(filter), JSON.stringify({ ...filter })).toStrictEqual(expected);
      }
      // The filters above do select: not everything, not nothing.
      expect(await log.query({ paperId: 'paper2' })).toHaveLength(2);
      expect(await log.query({ paperIds: new Set(['paper1', 'paper3']) })).toHaveLength(2);
      expect(await log.query({ actorId: 'user1' })).toHaveLength(3);
      expect(await log.query({ from: at(1), to: at(4) })).toHaveLength(4);
      expect(await log.query({ from: at(3), to: at(3) })).toStrictEqual([events[3]]);
    });

    it('matches nothing by an id holding NUL (a hostile URL), without failing', async () => {
      const events = await recordTrail();
      expect(await log.query({ paperId: 'paper1\u0000' })).toStrictEqual([]);
      expect(await log.query({ actorId: '\u0000' })).toStrictEqual([]);
      expect(await log.query({ paperIds: new Set(['paper1', '\u0000']) })).toStrictEqual(
        events.filter((event) => event.paperId === 'paper1'),
      );
    });

    it('numbers events recorded at once one by one, and lists them in that order', async () => {
      const recorded = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          log.record({ type: 'paper.created', title: `Titel ${i}` }, { actor: actor(1) }),
        ),
      );
      const numbers = recorded.map((event) => event.seq).sort((a, b) => a - b);
      expect(numbers).toStrictEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const listed = await log.query();
      expect(listed.map((event) => event.seq)).toStrictEqual(numbers);
      expect(listed).toStrictEqual([...recorded].sort((a, b) => a.seq - b.seq));
    });

    it('keeps its events over a restart and numbers on from there', async () => {
      const first = await log.record({ type: 'auth.logout' }, { actor: actor(1) });
      const second = await log.record({ type: 'auth.logout' }, { actor: actor(2) });
      await restart();
      const third = await log.record({ type: 'auth.logout' }, { actor: actor(3) });
      expect(third.seq).toBe(3);
      expect(await log.query()).toStrictEqual([first, second, third]);
    });

    describe('importing a trail kept elsewhere (importAll)', () => {
      /** Events as another log recorded them, every kind of context among them. */
      const trail = (): AuditEvent[] => [
        {
          seq: 1,
          at: '2025-03-01T09:00:00.000Z',
          actor: null,
          paperId: null,
          ip: '192.0.2.1',
          type: 'auth.login_failed',
          email: 'x@gemeente.test',
          reason: 'credentials',
        },
        {
          seq: 2,
          at: '2025-03-01T09:01:00.000Z',
          actor: actor(1),
          paperId: 'paper1',
          type: 'paper.created',
          title: 'Oud “citaat” — é\n🙂',
        },
        {
          seq: 3,
          at: '2025-03-01T09:02:00.000Z',
          actor: actor(2),
          paperId: 'paper1',
          type: 'member.role_set',
          userId: 'user3',
          from: null,
          to: 'writer',
        },
      ];

      it('keeps each event as given, seq and JSON text, and numbers on after it', async () => {
        const events = trail();
        await log.importAll(events);
        expect(await storedJson()).toStrictEqual(events.map((event) => JSON.stringify(event)));
        expect(await log.query()).toStrictEqual(events);
        expect(await log.query({ paperId: 'paper1', actorId: 'user2' })).toStrictEqual([events[2]]);

        const next = await log.record({ type: 'auth.logout' }, { actor: actor(1) });
        expect(next.seq).toBe(4);
        await restart();
        const after = await log.record({ type: 'auth.logout' }, { actor: actor(2) });
        expect(after.seq).toBe(5);
        expect(await log.query()).toStrictEqual([...events, next, after]);
      });

      it('imports an empty trail, after which numbering begins at 1', async () => {
        await log.importAll([]);
        expect((await log.record({ type: 'auth.logout' }, { actor: actor(1) })).seq).toBe(1);
      });

      it('refuses a log that holds events, and stores nothing', async () => {
        const recorded = await log.record({ type: 'auth.logout' }, { actor: actor(1) });
        await expect(log.importAll(trail())).rejects.toThrow(/Cannot import/);
        expect(await log.query()).toStrictEqual([recorded]);
        expect(await storedJson()).toStrictEqual([JSON.stringify(recorded)]);
      });

      it('refuses a trail not numbered 1, 2, … in order, and stores nothing', async () => {
        const [first, second, third] = trail();
        for (const broken of [
          [second!, third!],
          [first!, third!],
          [first!, first!],
          [first!, third!, second!],
        ]) {
          await expect(log.importAll(broken)).rejects.toThrow(/has seq/);
        }
        expect(await log.query()).toStrictEqual([]);
        expect((await log.record({ type: 'auth.logout' }, { actor: actor(1) })).seq).toBe(1);
      });
    });

    it('waits in close for events being recorded', async () => {
      const recording = log.record({ type: 'auth.logout' }, { actor: actor(1) });
      await logs.close(log);
      const event = await recording;
      log = logs.add(await reopen());
      expect(await log.query()).toStrictEqual([event]);
    });
  });
}
