import { describe, expect, it } from 'vitest';
import { deriveConnectionState, type ConnectionInputs } from './connectionState';

const base: ConnectionInputs = {
  socket: 'connected',
  synced: true,
  online: true,
  everSynced: true,
  downTooLong: false,
};

describe('deriveConnectionState', () => {
  it('is connected once the socket is up and synced', () => {
    expect(deriveConnectionState(base)).toBe('connected');
  });

  it('is connecting before the first sync, even with the socket open', () => {
    expect(deriveConnectionState({ ...base, synced: false, everSynced: false })).toBe('connecting');
    expect(
      deriveConnectionState({ ...base, socket: 'connecting', synced: false, everSynced: false }),
    ).toBe('connecting');
  });

  it('is reconnecting when a synced socket went down', () => {
    expect(deriveConnectionState({ ...base, socket: 'disconnected', synced: false })).toBe(
      'reconnecting',
    );
    expect(deriveConnectionState({ ...base, socket: 'connected', synced: false })).toBe(
      'reconnecting',
    );
  });

  it('is offline whenever the browser is, even if the socket has not noticed yet', () => {
    expect(deriveConnectionState({ ...base, online: false })).toBe('offline');
  });

  it('is offline when the socket stays down too long, before or after the first sync', () => {
    const down = { ...base, socket: 'connecting' as const, synced: false, downTooLong: true };
    expect(deriveConnectionState(down)).toBe('offline');
    expect(deriveConnectionState({ ...down, everSynced: false })).toBe('offline');
  });
});
