/**
 * Security headers on every kind of response: the built client's HTML, the JSON API (answers
 * and errors) and the health check. The policy allows no inline script.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/createServer.js';
import { signInAsAdmin, startTestServer, tempDataDir } from './helpers.js';

let server: RunningServer;
let cookie: string;

beforeAll(async () => {
  const clientDir = await tempDataDir();
  await fs.writeFile(
    path.join(clientDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/app.js"></script></head></html>',
  );
  server = await startTestServer({ clientDir });
  cookie = (await signInAsAdmin(server)).cookie ?? '';
});
afterAll(async () => {
  await server.stop();
});

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  it.each([
    ['the app (HTML)', '/', 200, 'text/html'],
    ['a deep link into the app', '/papers/abc', 200, 'text/html'],
    ['an API answer', '/api/municipalities', 200, 'application/json'],
    ['an API answer for a signed-in user', '/api/auth/me', 200, 'application/json'],
    ['an API error', '/api/no-such-thing', 404, 'application/json'],
    ['the health check', '/healthz', 200, 'application/json'],
  ])('on %s', async (_, urlPath, status, type) => {
    const response = await fetch(server.url + urlPath, {
      headers: urlPath === '/api/auth/me' ? { Cookie: cookie } : {},
    });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain(type);
    const policy = directives(response.headers.get('content-security-policy') ?? '');
    expect(policy.get('default-src')).toEqual(["'self'"]);
    // No inline script, no eval, no script from elsewhere.
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
