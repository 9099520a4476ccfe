import { describe, expect, it } from 'vitest';
import { collabServerUrl } from './collabUrl';

describe('collabServerUrl', () => {
  it('follows the page scheme and host', () => {
    expect(collabServerUrl({ protocol: 'http:', host: 'localhost:3000' })).toBe(
      'ws://localhost:3000/collab',
    );
    expect(collabServerUrl({ protocol: 'https:', host: 'standpunt.vng.nl' })).toBe(
      'wss://standpunt.vng.nl/collab',
    );
  });
});
