import { CompactionQueue } from './CompactionQueue.js';
import { LoadedPaper, type LoadedPaperOptions } from './LoadedPaper.js';

/** What the loaded papers share; the registry adds the queue their compactions wait in. */
export type RoomRegistryOptions = Omit<LoadedPaperOptions, 'compactions'>;

interface Entry {
  /** Holders: connections, server actions. The paper unloads when it drops to 0. */
  holds: number;
  loading: Promise<LoadedPaper>;
}

/**
 * The papers in memory. A paper is loaded once however many connections ask for it at the
 * same moment (they share the loading promise), and unloaded — compacted, then dropped — when
 * its last holder releases it. Someone arriving while it unloads waits for that to finish and
 * loads it again, so there is never more than one copy of a paper's docs.
 */
export class RoomRegistry {
  readonly #options: LoadedPaperOptions;
  readonly #entries = new Map<string, Entry>();
  readonly #unloading = new Map<string, Promise<void>>();
  /**
   * With peers: how to stop hearing them about each loaded paper. One per paper id, as a
   * paper is loaded again only once its unloading is over.
   */
  readonly #listening = new Map<string, () => void>();
  #loads = 0;
  #closed = false;

  constructor(options: RoomRegistryOptions) {
    this.#options = { ...options, compactions: new CompactionQueue() };
  }

  /** How many times a paper was read from the store. */
  get loads(): number {
    return this.#loads;
  }

  /** Papers loaded or loading. */
  get size(): number {
    return this.#entries.size;
  }

  /** The paper, loaded if need be; every acquire must be matched by one {@link release}. */
  async acquire(paperId: string): Promise<LoadedPaper> {
    for (;;) {
      const unloading = this.#unloading.get(paperId);
      if (unloading) {
        await unloading;
        continue;
      }
      let entry = this.#entries.get(paperId);
      if (!entry) {
        entry = { holds: 0, loading: this.#load(paperId) };
        this.#entries.set(paperId, entry);
      }
      entry.holds++;
      try {
        return await entry.loading;
      } catch (error) {
        entry.holds--;
        // A failed load is forgotten, so the next acquire tries again.
        if (this.#entries.get(paperId) === entry) this.#entries.delete(paperId);
        throw error;
      }
    }
  }

  /** Gives back one {@link acquire}; the last one unloads the paper. */
  release(paperId: string): void {
    if (this.#closed) return; // closeAll() unloaded everything already
    const entry = this.#entries.get(paperId);
    if (!entry || entry.holds <= 0) throw new Error(`release of paper ${paperId} not acquired`);
    entry.holds--;
    if (entry.holds > 0) return;
    this.#entries.delete(paperId);
    const unloading = this.#unload(paperId, entry).finally(() => {
      if (this.#unloading.get(paperId) === unloading) this.#unloading.delete(paperId);
    });
    this.#unloading.set(paperId, unloading);
  }

  /**
   * Compacts and drops every paper, held or not; for server shutdown, after every connection
   * was closed. Holders must not use their papers afterwards.
   */
  async closeAll(): Promise<void> {
    this.#closed = true;
    const entries = [...this.#entries];
    this.#entries.clear();
    await Promise.all([
      ...entries.map(([paperId, entry]) => this.#unload(paperId, entry)),
      ...this.#unloading.values(),
    ]);
  }

  async #load(paperId: string): Promise<LoadedPaper> {
    this.#loads++;
    const { peers } = this.#options;
    if (!peers) {
      const stored = await this.#options.store.load(paperId);
      return new LoadedPaper(paperId, stored, this.#options);
    }
    // Listening starts before reading: an update another process stores after the read is
    // then heard, and one it stored before is read (or both: applying twice changes nothing).
    // What arrives while reading waits for the paper.
    const early: Array<(paper: LoadedPaper) => void> = [];
    let paper: LoadedPaper | null = null;
    const stopListening = await peers.listen(paperId, {
      update: (doc, update) =>
        paper ? paper.update(doc, update) : early.push((p) => p.update(doc, update)),
      presence: (doc, update) =>
        paper ? paper.presence(doc, update) : early.push((p) => p.presence(doc, update)),
    });
    try {
      const stored = await this.#options.store.load(paperId);
      const loaded = new LoadedPaper(paperId, stored, this.#options);
      for (const deliver of early) deliver(loaded);
      paper = loaded;
      this.#listening.set(paperId, stopListening);
      return loaded;
    } catch (error) {
      stopListening();
      throw error;
    }
  }

  async #unload(paperId: string, entry: Entry): Promise<void> {
    let paper: LoadedPaper;
    try {
      paper = await entry.loading;
    } catch {
      return; // never loaded: nothing to unload
    }
    try {
      await paper.compact();
    } catch (error) {
      // The update log still holds every change; the next load replays it.
      this.#options.config.log(`could not compact paper ${paperId} on unload: ${String(error)}`);
    } finally {
      this.#listening.get(paperId)?.();
      this.#listening.delete(paperId);
      paper.destroy();
    }
  }
}
