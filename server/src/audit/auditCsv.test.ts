import { describe, expect, it } from 'vitest';
import { auditCsv } from './auditCsv.js';

describe('auditCsv', () => {
  it('quotes fields and defuses formulas', () => {
    const csv = auditCsv([
      {
        seq: 1,
        at: '2026-01-01T00:00:00.000Z',
        type: 'paper.created',
        title: '=cmd, "x"',
        actor: { userId: 'u1', name: '=HYPERLINK("x")', municipality: 'GM0363' },
        paperId: 'p1',
      },
    ]);
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe('seq,at,type,actor,municipality,paperId,details');
    expect(row).toBe(
      `1,2026-01-01T00:00:00.000Z,paper.created,"'=HYPERLINK(""x"")",GM0363,p1,"{""title"":""=cmd, \\""x\\""""}"`,
    );
  });
});
