/**
 * The chaos tests' randomness (pauses, outages, kills), from a seed so that a failing run can
 * be replayed: `STANDPUNT_CHAOS_SEED=<seed>`, else a fresh seed each run. A failing test names
 * its seed (see {@link reportSeedOnFailure}).
 */
import { beforeEach } from 'vitest';
import { seededRandom } from './fuzzFrames.js';

export const CHAOS_SEED = process.env.STANDPUNT_CHAOS_SEED
  ? Number(process.env.STANDPUNT_CHAOS_SEED)
  : Math.floor(Math.random() * 2 ** 32);

const random = seededRandom(CHAOS_SEED);

/** A number between `low` and `high`, from the seeded sequence. */
export const randomBetween = (low: number, high: number) => low + random() * (high - low);

/** Call in a test file: every failing test of it prints the seed to replay it with. */
export function reportSeedOnFailure(): void {
  beforeEach((context) => {
    context.onTestFailed(() => {
      console.error(`chaos seed ${CHAOS_SEED}: replay with STANDPUNT_CHAOS_SEED=${CHAOS_SEED}`);
    });
  });
}
