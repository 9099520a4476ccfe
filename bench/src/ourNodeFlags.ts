import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The Node flags our server runs with in production (`server/node-flags`, as start.sh uses). */
export const OUR_NODE_FLAGS = fs
  .readFileSync(fileURLToPath(new URL('../../server/node-flags', import.meta.url)), 'utf8')
  .trim()
  .split(/\s+/);
