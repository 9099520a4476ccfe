import type { AuditLog } from '../audit/AuditLog.js';
import type { DocumentStore } from './DocumentStore.js';
import type { DraftStore } from './DraftStore.js';
import type { MetaStore } from './MetaStore.js';
import type { OutboxStore } from './OutboxStore.js';

/**
 * Every store the server keeps its data in, from one backend: files in `DATA_DIR` (the
 * embedded default) or one PostgreSQL database. Nothing else in the server knows which.
 */
export interface Storage {
  meta: MetaStore;
  documents: DocumentStore;
  drafts: DraftStore;
  audit: AuditLog;
  /** Mails waiting to be sent, and those sent. */
  outbox: OutboxStore;
  /** Closes every store; call after nothing writes any more. */
  close(): Promise<void>;
}
