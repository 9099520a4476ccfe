import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Draft } from '@standpunt/shared';
import { draftHash } from '../drafts/draftHash.js';
import { assertPaperId } from './assertPaperId.js';
import { BACKUP_HINT } from './DamagedFileError.js';
import { DraftExistsError, DraftIntegrityError, type DraftStore } from './DraftStore.js';
import { makeDirectoryDurably, writeFileDurably, type Durability } from './durableWrite.js';

const DRAFT_FILE = /^([1-9][0-9]{0,8})\.json$/;

/**
 * Drafts as `<dataDir>/papers/<id>/drafts/<n>.json`. A draft is written to a temporary file
 * and then hard-linked to its name (`writeFileDurably`, exclusive): `link` fails when the name
 * exists, so a draft file is never replaced, and a crash never leaves a half-written one under
 * its name. With fsync on (the default) the file and its name are flushed before `save`
 * returns, so a draft that was reported frozen survives a power loss.
 */
export class FileDraftStore implements DraftStore {
  readonly #papersDir: string;
  readonly #durability: Durability;

  constructor(dataDir: string, durability: Durability = { fsync: true }) {
    this.#papersDir = path.join(dataDir, 'papers');
    this.#durability = durability;
  }

  async save(draft: Draft): Promise<void> {
    const dir = this.#dir(draft.paperId);
    makeDirectoryDurably(dir, this.#durability);
    const target = path.join(dir, `${draft.number}.json`);
    try {
      await writeFileDurably(target, `${JSON.stringify(draft, null, 2)}\n`, {
        ...this.#durability,
        exclusive: true,
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new DraftExistsError(draft.paperId, draft.number);
      }
      throw error;
    }
  }

  async load(paperId: string, number: number): Promise<Draft | null> {
    const file = path.join(this.#dir(paperId), `${number}.json`);
    let text: string;
    try {
      text = await fsp.readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    // Every reason names the file and the way back: a draft is written once, so the only good
    // copy of a damaged one is in a backup.
    const damaged = (problem: string) =>
      new DraftIntegrityError(
        paperId,
        number,
        `${file} ${problem}; restore it from ${BACKUP_HINT}`,
      );
    let draft: Draft;
    try {
      draft = JSON.parse(text) as Draft;
    } catch {
      throw damaged('is not valid JSON');
    }
    if (typeof draft !== 'object' || draft === null || typeof draft.sha256 !== 'string') {
      throw damaged('holds no hash');
    }
    const actual = draftHash(draft);
    if (actual !== draft.sha256) {
      throw damaged(`has sha256 ${actual}, recorded ${draft.sha256}`);
    }
    // A valid draft of another paper or number copied over this one is still not this draft.
    if (draft.paperId !== paperId || draft.number !== number) {
      throw damaged('names another paper or number');
    }
    return draft;
  }

  async list(paperId: string): Promise<number[]> {
    let names: string[];
    try {
      names = await fsp.readdir(this.#dir(paperId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return names
      .map((name) => DRAFT_FILE.exec(name)?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
  }

  #dir(paperId: string): string {
    assertPaperId(paperId);
    return path.join(this.#papersDir, paperId, 'drafts');
  }
}
