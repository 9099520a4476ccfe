import type { ServerConfig } from '../config.js';
import { openFileStorage } from './openFileStorage.js';
import type { Storage } from './Storage.js';

/** The stores `config` asks for: PostgreSQL with a database URL, files in DATA_DIR without. */
export async function openStorage(config: ServerConfig): Promise<Storage> {
  if (!config.databaseUrl) return openFileStorage(config.dataDir, { fsync: config.fsync });
  // Loaded only when asked for: the embedded default never loads the database client.
  const { openPgStorage } = await import('./postgres/openPgStorage.js');
  return openPgStorage(config.databaseUrl, config.log);
}
