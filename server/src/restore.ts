/**
 * `node server/dist/restore.js <backup-dir> [--data-dir <dir>]` (root script: `pnpm restore`):
 * replaces DATA_DIR by a backup made with `backup`, with the server stopped. README, "Backup
 * and restore".
 */
import { parseCommandArgs, runCommand } from './backup/parseCommandArgs.js';
import { restoreDataDir } from './backup/restoreDataDir.js';

const USAGE =
  'usage: restore <backup-directory> [--data-dir <DATA_DIR>] (default DATA_DIR: $DATA_DIR or ./data)';

runCommand(async () => {
  const { location, dataDir } = parseCommandArgs(process.argv.slice(2), USAGE);
  const result = await restoreDataDir(location, dataDir);
  console.log(
    `restored ${location} into ${dataDir}: ${result.accounts} accounts, ${result.papers} papers, ` +
      `${result.drafts} drafts, ${result.auditEvents} audit events (verified)`,
  );
  if (result.replacedDir) console.log(`the data it replaced is kept in ${result.replacedDir}`);
});
