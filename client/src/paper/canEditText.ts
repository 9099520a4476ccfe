import type { PaperRole, Phase } from '@standpunt/shared';

/**
 * Whether the text may be edited in this phase with this role (DESIGN.md, "People,
 * organisations, roles"). Only a hint for the interface: the server refuses the updates of
 * anyone else, and a client that edited anyway would just see its changes go nowhere.
 */
export function canEditText(phase: Phase, role: PaperRole | null): boolean {
  switch (phase) {
    case 'concept':
    case 'consultatie':
      return role === 'editor' || role === 'writer';
    case 'voorgedragen':
      return role === 'editor';
    case 'vastgesteld':
    case 'ingetrokken':
      return false;
    default:
      return exhaustive(phase);
  }
}

function exhaustive(value: never): never {
  throw new Error(`Unknown phase: ${String(value)}`);
}
