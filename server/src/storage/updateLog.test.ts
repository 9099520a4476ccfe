import { describe, expect, it } from 'vitest';
import { formatLogLine, parseUpdateLog } from './updateLog.js';

const line = (bytes: number[]) => formatLogLine('content', new Uint8Array(bytes));

describe('parseUpdateLog', () => {
  it('leaves out a last line without its newline, even one that parses (never relayed)', () => {
    const whole = line([1, 2]);
    const text = Buffer.from(whole + line([3]).trimEnd());
    expect(parseUpdateLog(text, 'updates.log')).toMatchObject({
      updates: [{ doc: 'content' }],
      validBytes: Buffer.byteLength(whole),
    });
  });

  it('refuses a complete last line that is not an update: damage, not a torn write', () => {
    const text = Buffer.from(`${line([1])}{"doc":"content","update":"!!"}\n`);
    expect(() => parseUpdateLog(text, '/data/papers/p/updates.log')).toThrow(
      '/data/papers/p/updates.log is damaged: line 2 is not a valid update',
    );
  });

  it('refuses base64 that Node would decode into other bytes without complaint', () => {
    const text = Buffer.from(`{"doc":"content","update":"AB$D"}\n${line([1])}`);
    expect(() => parseUpdateLog(text, 'updates.log')).toThrow(/line 1 is not a valid update/);
  });
});
