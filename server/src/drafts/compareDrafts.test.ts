import { describe, expect, it } from 'vitest';
import type { PmNodeJson } from '@standpunt/shared';
import { HttpError } from '../http/HttpError.js';
import { compareDrafts, type ComparableVersion } from './compareDrafts.js';
import { numberBlocks } from './numberBlocks.js';

const p = (id: string, text: string): PmNodeJson => ({
  type: 'paragraph',
  attrs: { id },
  content: [{ type: 'text', text }],
});

function version(
  ref: number | 'live',
  blocks: PmNodeJson[],
  paperId = 'paper-a',
): ComparableVersion {
  const content = { type: 'doc', content: blocks };
  return { paperId, ref, content, numbering: numberBlocks(content) };
}

const A = p('a', 'Alpha een.');
const B = p('b', 'Beta twee.');
const C = p('c', 'Gamma drie.');
const D = p('d', 'Delta vier.');

const summary = (from: PmNodeJson[], to: PmNodeJson[]) =>
  compareDrafts(version(1, from), version(2, to)).blocks.map((b) => `${b.blockId}:${b.change}`);

describe('compareDrafts', () => {
  it('reports nothing but unchanged blocks for equal versions', () => {
    const result = compareDrafts(version(1, [A, B]), version(2, [A, B]));
    expect(result.counts).toEqual({ added: 0, removed: 0, moved: 0, changed: 0, unchanged: 2 });
    expect(result.blocks.every((b) => b.words === null)).toBe(true);
  });

  it('finds an inserted block where it was inserted', () => {
    expect(summary([A, B, C], [A, D, B, C])).toEqual([
      'a:unchanged',
      'd:added',
      'b:unchanged',
      'c:unchanged',
    ]);
  });

  it('lists a deleted block after its old predecessor', () => {
    expect(summary([A, B, C], [A, C])).toEqual(['a:unchanged', 'b:removed', 'c:unchanged']);
    expect(summary([A, B, C], [B, C])).toEqual(['a:removed', 'b:unchanged', 'c:unchanged']);
  });

  it('marks only the block that moved as moved', () => {
    expect(summary([A, B, C, D], [A, C, D, B])).toEqual([
      'a:unchanged',
      'c:unchanged',
      'd:unchanged',
      'b:moved',
    ]);
  });

  it('gives word-level differences inside an edited block', () => {
    const result = compareDrafts(
      version(1, [A, p('b', 'Gemeenten kopen samen in.')]),
      version('live', [A, p('b', 'Gemeenten kopen niet samen in.')]),
    );
    const edited = result.blocks[1]!;
    expect(edited).toMatchObject({ blockId: 'b', change: 'changed', textChanged: true });
    expect(edited.from?.text).toBe('Gemeenten kopen samen in.');
    expect(edited.to?.text).toBe('Gemeenten kopen niet samen in.');
    expect(edited.words?.filter((w) => w.op !== 'equal')).toEqual([
      { op: 'insert', text: 'niet ' },
    ]);
    expect(edited.words?.map((w) => (w.op === 'delete' ? '' : w.text)).join('')).toBe(
      'Gemeenten kopen niet samen in.',
    );
    expect(result.to).toBe('live');
  });

  it('sees a change of marks or heading level as a change with equal words', () => {
    const bold: PmNodeJson = {
      type: 'paragraph',
      attrs: { id: 'a' },
      content: [{ type: 'text', text: 'Alpha een.', marks: [{ type: 'bold' }] }],
    };
    const [block] = compareDrafts(version(1, [A]), version(2, [bold])).blocks;
    expect(block).toMatchObject({ change: 'changed', textChanged: true });
    expect(block?.words).toEqual([{ op: 'equal', text: 'Alpha een.' }]);
  });

  it('keeps the numbers of both versions', () => {
    const [, , c] = compareDrafts(version(1, [A, B, C]), version(2, [A, C])).blocks;
    expect(c).toMatchObject({ blockId: 'c', from: { number: '3' }, to: { number: '2' } });
  });

  it('refuses versions of different papers with 400', () => {
    const compare = () => compareDrafts(version(1, [A]), version(1, [A], 'paper-b'));
    expect(compare).toThrow(HttpError);
    try {
      compare();
    } catch (error) {
      expect((error as HttpError).status).toBe(400);
      expect((error as HttpError).code).toBe('bad_request');
    }
  });
});
