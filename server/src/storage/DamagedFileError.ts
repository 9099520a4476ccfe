/** Where the README explains how to make and restore backups. */
export const BACKUP_HINT = 'a backup (see README, "Backup and restore")';

/**
 * A data file that cannot be read as what it should hold. The message names the file and how
 * to recover, because the person reading it is an administrator at a server that refused to
 * start (or to open one paper) — and must not be tempted to delete the file and start empty.
 */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    /** Whether a last good copy is kept next to it as `<file>.bak` (see keepPreviousVersion). */
    readonly hasPreviousVersion = false,
  ) {
    super(
      `${file} is damaged: ${problem}. Nothing was changed. Restore ` +
        (hasPreviousVersion
          ? `${file}.bak (its previous version) or ${BACKUP_HINT}`
          : BACKUP_HINT) +
        '.',
    );
    this.name = 'DamagedFileError';
  }
}
