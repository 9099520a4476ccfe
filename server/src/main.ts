import { configFromEnv } from './config.js';
import { startServer } from './createServer.js';
import { describeRedis } from './cluster/describeRedis.js';
import { describeDatabase } from './storage/describeDatabase.js';

/** Entry point: `node server/dist/main.js`, configured by environment variables (README). */
async function main(): Promise<void> {
  const config = configFromEnv();
  const server = await startServer(config);
  config.log(
    config.databaseUrl
      ? `data in ${describeDatabase(config.databaseUrl)}`
      : `data in ${config.dataDir}`,
  );
  if (config.redisUrl)
    config.log(
      `sharing papers with other processes through Redis at ${describeRedis(config.redisUrl)}`,
    );
  config.log(`listening on ${server.url}`);

  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    config.log(`${signal}: saving open papers and stopping`);
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(
    `[standpunt] could not start: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
