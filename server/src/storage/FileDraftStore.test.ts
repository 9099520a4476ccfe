import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Draft } from '@standpunt/shared';
import { draftHash } from '../drafts/draftHash.js';
import { DraftExistsError, DraftIntegrityError } from './DraftStore.js';
import { FileDraftStore } from './FileDraftStore.js';

function makeDraft(paperId: string, number: number, text = 'Tekst'): Draft {
  const draft: Omit<Draft, 'sha256'> = {
    paperId,
    number,
    label: `Versie ${number}`,
    phase: 'concept',
    frozenBy: { userId: 'u1', name: 'Eva', municipality: 'GM0363' },
    frozenAt: '2026-03-01T10:00:00.000Z',
    title: 'Titel',
    theme: 'Beheer',
    yjsState: 'AAA=',
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    numbering: [{ id: 'p1', kind: 'paragraph', number: '1' }],
  };
  return { ...draft, sha256: draftHash(draft) };
}

async function store() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-drafts-'));
  return { dir, store: new FileDraftStore(dir) };
}

describe('FileDraftStore', () => {
  it('saves, lists and loads drafts', async () => {
    const { store: drafts } = await store();
    expect(await drafts.list('paper1')).toEqual([]);
    expect(await drafts.load('paper1', 1)).toBeNull();
    for (const n of [1, 2, 10]) await drafts.save(makeDraft('paper1', n));
    expect(await drafts.list('paper1')).toEqual([1, 2, 10]);
    expect(await drafts.load('paper1', 2)).toEqual(makeDraft('paper1', 2));
  });

  it('never replaces a stored draft', async () => {
    const { dir, store: drafts } = await store();
    await drafts.save(makeDraft('paper1', 1, 'Origineel'));
    await expect(drafts.save(makeDraft('paper1', 1, 'Vervalst'))).rejects.toBeInstanceOf(
      DraftExistsError,
    );
    expect((await drafts.load('paper1', 1))?.content.content?.[0]?.content?.[0]?.text).toBe(
      'Origineel',
    );
    // No temporary files are left behind.
    expect(await fs.readdir(path.join(dir, 'papers', 'paper1', 'drafts'))).toEqual(['1.json']);
  });

  it('detects a changed character, a missing hash and a draft copied from elsewhere', async () => {
    const { dir, store: drafts } = await store();
    await drafts.save(makeDraft('paper1', 1));
    await drafts.save(makeDraft('paper2', 1));
    const file = (paper: string) => path.join(dir, 'papers', paper, 'drafts', '1.json');

    const original = await fs.readFile(file('paper1'), 'utf8');
    await fs.writeFile(file('paper1'), original.replace('Tekst', 'Tekts'));
    await expect(drafts.load('paper1', 1)).rejects.toBeInstanceOf(DraftIntegrityError);

    await fs.writeFile(file('paper1'), '{"paperId":"paper1"');
    await expect(drafts.load('paper1', 1)).rejects.toThrow(/not valid JSON/);

    await fs.copyFile(file('paper2'), file('paper1'));
    await expect(drafts.load('paper1', 1)).rejects.toThrow(/another paper/);
  });

  it('refuses a paper id that is not a safe path segment', async () => {
    const { store: drafts } = await store();
    await expect(drafts.list('../etc')).rejects.toThrow(/Invalid paper id/);
  });
});
