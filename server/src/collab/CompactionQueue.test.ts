import { describe, expect, it, vi } from 'vitest';
import { CompactionQueue } from './CompactionQueue.js';

describe('CompactionQueue', () => {
  it('runs jobs one at a time, in order, each in a turn of its own', async () => {
    const queue = new CompactionQueue();
    const events: string[] = [];
    const job = (name: string) => async () => {
      events.push(`${name} starts`);
      // Work that was waiting for the event loop gets its turn before the next job.
      setImmediate(() => events.push(`turn after ${name}`));
      await new Promise((resolve) => setTimeout(resolve, 2));
      events.push(`${name} ends`);
    };
    queue.add({}, job('a'));
    queue.add({}, job('b'));
    expect(events).toEqual([]);
    await vi.waitFor(() => expect(events).toHaveLength(6));
    expect(events).toEqual([
      'a starts',
      'turn after a',
      'a ends',
      'b starts',
      'turn after b',
      'b ends',
    ]);
  });

  it('keeps one waiting job per paper', async () => {
    const queue = new CompactionQueue();
    const paper = {};
    let runs = 0;
    const job = async () => {
      runs++;
    };
    queue.add(paper, job);
    queue.add(paper, job);
    queue.add({}, job);
    expect(queue.size).toBe(2);
    await vi.waitFor(() => expect(runs).toBe(2));
    expect(queue.size).toBe(0);
    // Once it ran, the paper can be queued again.
    queue.add(paper, job);
    await vi.waitFor(() => expect(runs).toBe(3));
  });

  it('goes on after a job that fails', async () => {
    const queue = new CompactionQueue();
    let ran = false;
    queue.add({}, () => Promise.reject(new Error('disk full')));
    queue.add({}, async () => {
      ran = true;
    });
    await vi.waitFor(() => expect(ran).toBe(true));
  });
});
