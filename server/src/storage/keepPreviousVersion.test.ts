import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepPreviousVersion } from './keepPreviousVersion.js';

describe('keepPreviousVersion', () => {
  it('keeps the replaced version as .bak when the file is then replaced by rename', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'standpunt-bak-'));
    const file = path.join(dir, 'standpunt.json');
    keepPreviousVersion(file); // nothing yet: nothing kept
    await expect(fs.access(`${file}.bak`)).rejects.toThrow();
    await fs.writeFile(file, 'een');
    keepPreviousVersion(file);
    // As lowdb writes: a temporary file renamed over the old one.
    await fs.writeFile(`${file}.tmp`, 'twee');
    await fs.rename(`${file}.tmp`, file);
    expect(await fs.readFile(`${file}.bak`, 'utf8')).toBe('een');
    expect(await fs.readFile(file, 'utf8')).toBe('twee');
    await fs.rm(dir, { recursive: true });
  });
});
