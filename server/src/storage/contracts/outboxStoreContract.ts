/**
 * What every OutboxStore does, whichever backend keeps the mails: durable from enqueue, one
 * claim per mail at a time, failures counted and retried when due, a sent mail never claimed
 * again. Time is passed in, never waited for.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  newOutboxEntry,
  OutboxIdTakenError,
  type ClaimedMail,
  type OutboxStore,
  type OutgoingMail,
} from '../OutboxStore.js';
import type { OpenStore } from './StoreUnderTest.js';

export interface OutboxStoreExtras {
  /**
   * A store as another server process would open it on the same data: on PostgreSQL one with
   * a pool of its own; on files the same store, as only one process may hold a data directory.
   */
  openOtherSender: () => Promise<OutboxStore>;
}

export interface OutboxStoreBehaviour {
  /** Whether a claim outlives the store that took it (other processes must respect it). */
  claimsOutliveTheStore: boolean;
}

const T0 = new Date('2026-03-01T10:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const LEASE = 60_000;

export function makeMail(n: number, createdAt: Date = T0): OutgoingMail {
  return {
    id: `mail${n}`,
    messageId: `<mail${n}@standpunt.test>`,
    from: 'standpunt@standpunt.test',
    to: `persoon${n}@gemeente.test`,
    subject: `Uitnodiging ${n} — één klik`,
    raw: `Message-ID: <mail${n}@standpunt.test>\r\nSubject: =?UTF-8?Q?x?=\r\n\r\nHallo ${n}\r\n`,
    createdAt: createdAt.toISOString(),
  };
}

export function describeOutboxStoreContract(
  backend: string,
  open: OpenStore<OutboxStore, OutboxStoreExtras>,
  { claimsOutliveTheStore }: OutboxStoreBehaviour,
): void {
  describe(`OutboxStore contract (${backend})`, () => {
    let store: OutboxStore;
    let reopen: () => Promise<OutboxStore>;
    let cleanup: () => Promise<void>;
    let openOtherSender: () => Promise<OutboxStore>;

    beforeEach(async () => {
      ({ store, reopen, cleanup, openOtherSender } = await open());
    });
    afterEach(async () => {
      await cleanup();
    });

    const claim = async (now: Date = T0): Promise<ClaimedMail> => {
      const claimed = await store.claimNext({ now, leaseMs: LEASE });
      if (!claimed) throw new Error('nothing was claimed');
      return claimed;
    };

    it('holds nothing at first', async () => {
      expect(await store.pending()).toStrictEqual([]);
      expect(await store.claimNext({ now: T0, leaseMs: LEASE })).toBeNull();
      expect(await store.find('mail1')).toBeNull();
      expect(await store.markSent('mail1', T0)).toBe(false);
    });

    it('keeps an enqueued mail as it was given, pending and due at once', async () => {
      const mail = makeMail(1);
      await store.enqueue(mail);
      const expected = {
        ...mail,
        attempts: 0,
        nextAttemptAt: mail.createdAt,
        lastError: null,
        sentAt: null,
      };
      expect(await store.find('mail1')).toStrictEqual(expected);
      expect(await store.pending()).toStrictEqual([expected]);
      expect(newOutboxEntry(mail)).toStrictEqual(expected);
    });

    it('keeps every character of the message', async () => {
      const mail = {
        ...makeMail(1),
        raw: 'A: b\r\n\r\nÉén “quote” 🙂 \\ "\r\n.\r\n',
        subject: 'Één',
      };
      await store.enqueue(mail);
      expect(await store.find('mail1')).toMatchObject({ raw: mail.raw, subject: 'Één' });
    });

    it('refuses an id it holds already, and keeps the first mail', async () => {
      await store.enqueue(makeMail(1));
      const second = store.enqueue({ ...makeMail(1), subject: 'Anders' });
      await expect(second).rejects.toBeInstanceOf(OutboxIdTakenError);
      expect((await store.find('mail1'))?.subject).toBe(makeMail(1).subject);
      expect(await store.pending()).toHaveLength(1);
    });

    it('refuses an id that is not a safe file name', async () => {
      await expect(store.enqueue({ ...makeMail(1), id: '../x' })).rejects.toThrow(
        /Invalid outbox id/,
      );
      expect(await store.pending()).toStrictEqual([]);
    });

    it('lists pending mails oldest first', async () => {
      await store.enqueue(makeMail(2, at(2000)));
      await store.enqueue(makeMail(1, at(1000)));
      await store.enqueue(makeMail(3, at(3000)));
      expect((await store.pending()).map((entry) => entry.id)).toStrictEqual([
        'mail1',
        'mail2',
        'mail3',
      ]);
    });

    it('claims the mail due longest, each only once while its lease runs', async () => {
      await store.enqueue(makeMail(2, at(-1000)));
      await store.enqueue(makeMail(1, at(-2000)));
      await store.enqueue(makeMail(3, at(5000)));
      const first = await claim();
      expect(first).toMatchObject({ id: 'mail1', to: 'persoon1@gemeente.test' });
      expect(typeof first.claim).toBe('string');
      expect((await claim()).id).toBe('mail2');
      // mail3 is not due before its creation; the others are claimed.
      expect(await store.claimNext({ now: T0, leaseMs: LEASE })).toBeNull();
      expect((await claim(at(5000))).id).toBe('mail3');
      // Claimed mails are still pending.
      expect(await store.pending()).toHaveLength(3);
    });

    it('counts a failed attempt and retries the mail once it is due again', async () => {
      await store.enqueue(makeMail(1));
      const claimed = await claim();
      expect(
        await store.markFailed(claimed, { error: '451 probeer later', retryAt: at(30_000) }),
      ).toBe(true);
      expect(await store.find('mail1')).toMatchObject({
        attempts: 1,
        lastError: '451 probeer later',
        nextAttemptAt: at(30_000).toISOString(),
        sentAt: null,
      });
      // Not due yet, though its claim has ended.
      expect(await store.claimNext({ now: at(29_999), leaseMs: LEASE })).toBeNull();
      const again = await claim(at(30_000));
      expect(again).toMatchObject({ id: 'mail1', attempts: 1 });
      expect(again.claim).not.toBe(claimed.claim);
      await store.markFailed(again, { error: 'timeout', retryAt: at(90_000) });
      expect(await store.find('mail1')).toMatchObject({ attempts: 2, lastError: 'timeout' });
    });

    it('frees a claim whose lease ran out; its old holder can no longer report it', async () => {
      await store.enqueue(makeMail(1));
      const first = await claim();
      expect(await store.claimNext({ now: at(LEASE - 1), leaseMs: LEASE })).toBeNull();
      const second = await claim(at(LEASE));
      expect(second.id).toBe('mail1');
      expect(await store.markFailed(first, { error: 'te laat', retryAt: at(LEASE) })).toBe(false);
      expect(await store.find('mail1')).toMatchObject({ attempts: 0, lastError: null });
      // The new holder's claim still keeps others off.
      expect(await store.claimNext({ now: at(LEASE), leaseMs: LEASE })).toBeNull();
      expect(await store.markFailed(second, { error: 'weg', retryAt: at(LEASE) })).toBe(true);
    });

    it('marks a mail sent: never claimed again, no longer pending, kept with its time', async () => {
      await store.enqueue(makeMail(1));
      await store.enqueue(makeMail(2));
      const claimed = await claim();
      expect(await store.markSent(claimed.id, at(500))).toBe(true);
      expect(await store.find('mail1')).toMatchObject({
        id: 'mail1',
        raw: makeMail(1).raw,
        sentAt: at(500).toISOString(),
      });
      expect((await store.pending()).map((entry) => entry.id)).toStrictEqual(['mail2']);
      expect((await claim(at(LEASE * 10))).id).toBe('mail2');
      await store.markSent('mail2', at(LEASE * 10));
      // Long after every lease has run out: neither is claimed again.
      expect(await store.claimNext({ now: at(LEASE * 20), leaseMs: LEASE })).toBeNull();
      // Marked once; a failure reported afterwards changes nothing.
      expect(await store.markSent('mail1', at(600))).toBe(false);
      expect(await store.markFailed(claimed, { error: 'x', retryAt: T0 })).toBe(false);
      expect(await store.find('mail1')).toMatchObject({ sentAt: at(500).toISOString() });
    });

    it('marks a mail sent whose lease ran out and was claimed by another', async () => {
      await store.enqueue(makeMail(1));
      await claim();
      const other = await claim(at(LEASE));
      expect(await store.markSent('mail1', at(LEASE + 1))).toBe(true);
      expect(await store.markFailed(other, { error: 'x', retryAt: T0 })).toBe(false);
      expect(await store.pending()).toStrictEqual([]);
    });

    it('keeps every mail and its state over a restart', async () => {
      await store.enqueue(makeMail(1));
      await store.enqueue(makeMail(2));
      await store.enqueue(makeMail(3));
      await store.markFailed(await claim(), { error: '421 bezet', retryAt: at(10_000) });
      await store.markSent((await claim()).id, at(100));
      const before = [await store.find('mail1'), await store.find('mail2')];
      store = await reopen();
      expect([await store.find('mail1'), await store.find('mail2')]).toStrictEqual(before);
      expect((await store.pending()).map((entry) => entry.id)).toStrictEqual(['mail1', 'mail3']);
      await expect(store.enqueue(makeMail(2))).rejects.toBeInstanceOf(OutboxIdTakenError);
      expect((await claim(at(10_000))).id).toBe('mail3');
      expect((await claim(at(10_000))).id).toBe('mail1');
    });

    if (claimsOutliveTheStore) {
      it('keeps a claim over a restart until its lease runs out', async () => {
        await store.enqueue(makeMail(1));
        await claim();
        store = await reopen();
        expect(await store.claimNext({ now: at(LEASE - 1), leaseMs: LEASE })).toBeNull();
        expect((await claim(at(LEASE))).id).toBe('mail1');
      });
    } else {
      it('frees every claim at a restart: the store that held them is gone', async () => {
        await store.enqueue(makeMail(1));
        await claim();
        store = await reopen();
        expect((await claim()).id).toBe('mail1');
      });
    }

    it('never hands one mail to two senders claiming at the same time', async () => {
      const count = 30;
      for (let n = 1; n <= count; n++) await store.enqueue(makeMail(n, at(n)));
      const other = await openOtherSender();
      const claimedBy = async (sender: OutboxStore): Promise<string[]> => {
        const ids: string[] = [];
        for (;;) {
          const claimed = await sender.claimNext({ now: at(count), leaseMs: LEASE });
          if (!claimed) return ids;
          ids.push(claimed.id);
        }
      };
      const results = await Promise.all([
        claimedBy(store),
        claimedBy(other),
        claimedBy(store),
        claimedBy(other),
      ]);
      const all = results.flat();
      expect(all).toHaveLength(count);
      expect(new Set(all).size).toBe(count);
    });
  });
}
