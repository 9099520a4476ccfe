/**
 * How browsers may keep the built client: its hashed code for good, index.html never without
 * asking, so a new version reaches everyone on their next visit.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/createServer.js';
import { startTestServer, tempDataDir } from './helpers.js';

let server: RunningServer;

beforeAll(async () => {
  const clientDir = await tempDataDir();
  await fs.mkdir(path.join(clientDir, 'assets'));
  await fs.writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>Standpunt</title>');
  await fs.writeFile(path.join(clientDir, 'assets', 'index-3f2a9c.js'), 'export {};');
  await fs.writeFile(path.join(clientDir, 'favicon.svg'), '<svg/>');
  server = await startTestServer({ clientDir });
});
afterAll(async () => {
  await server.stop();
});

describe('caching of the built client', () => {
  it('lets browsers keep hashed assets for a year without asking again', async () => {
    const response = await fetch(`${server.url}/assets/index-3f2a9c.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it.each([
    ['the app', '/'],
    ['a deep link into the app', '/papers/abc'],
    ['index.html itself', '/index.html'],
    ['a file outside assets/', '/favicon.svg'],
  ])('makes browsers ask again for %s', async (_, urlPath) => {
    const response = await fetch(server.url + urlPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });

  it('does not cache a missing asset for good', async () => {
    const response = await fetch(`${server.url}/assets/index-000000.js`);
    expect(response.headers.get('cache-control')).not.toContain('immutable');
  });
});
