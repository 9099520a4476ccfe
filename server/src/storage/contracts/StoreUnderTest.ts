/**
 * What a contract suite is given by each backend: a fresh, empty store, and how to get at the
 * same data again. The contracts (`*Contract.ts`) hold the tests; `stores.test.ts` runs each
 * of them against every backend, so the backends answer the same questions the same way.
 */
export interface StoreUnderTest<S> {
  /** An empty store, for this one test. */
  store: S;
  /**
   * The same data opened by a new store, as after a restart; the suite closes the old store
   * first (when it has `close`), and closes the new one itself.
   */
  reopen: () => Promise<S>;
  /** Lets go of what the backend made for the test (directories, databases, pools). */
  cleanup: () => Promise<void>;
}

/** Opens a fresh store for one test. */
export type OpenStore<S, Extra = object> = () => Promise<StoreUnderTest<S> & Extra>;

/**
 * The stores a test has open, so the suite can close whichever a failed test left open —
 * and close each once: a file store's second `close` fails on a closed descriptor.
 */
export class OpenStores<S extends { close(): Promise<void> }> {
  readonly #open = new Set<S>();

  add(store: S): S {
    this.#open.add(store);
    return store;
  }

  async close(store: S): Promise<void> {
    if (this.#open.delete(store)) await store.close();
  }

  async closeAll(): Promise<void> {
    for (const store of [...this.#open]) await this.close(store);
  }
}
