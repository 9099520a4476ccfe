/**
 * Who may do what in which phase (DESIGN.md, "People, organisations, roles"). The server
 * decides every right with these functions, on REST and on the websocket alike; the client
 * uses the same ones only to hide what a person cannot do.
 */
import type { PaperRole, Phase } from './domain.js';

/** The person asking, as far as rights are concerned. */
export interface Actor {
  admin: boolean;
  /** Their role on this paper, or null when they are not a member. */
  role: PaperRole | null;
}

/** The moves along the process; ingetrokken can be reached from every phase but the last. */
export const PHASE_TRANSITIONS: Record<Phase, readonly Phase[]> = {
  concept: ['consultatie', 'ingetrokken'],
  consultatie: ['voorgedragen', 'ingetrokken'],
  voorgedragen: ['vastgesteld', 'ingetrokken'],
  vastgesteld: [],
  ingetrokken: [],
};

export function canMovePhase(from: Phase, to: Phase): boolean {
  return PHASE_TRANSITIONS[from].includes(to);
}

/** Members and admins may always read; in consultatie every signed-in account may. */
export function canReadPaper(actor: Actor, phase: Phase): boolean {
  return actor.admin || actor.role !== null || phase === 'consultatie';
}

export function canEditText(actor: Actor, phase: Phase): boolean {
  switch (phase) {
    case 'concept':
    case 'consultatie':
      return actor.role === 'editor' || actor.role === 'writer';
    case 'voorgedragen':
      return actor.role === 'editor';
    case 'vastgesteld':
    case 'ingetrokken':
      return false;
    default:
      return exhaustive(phase);
  }
}

/**
 * Add threads, replies and positions. In consultatie every signed-in account may, until the
 * closing date (when one is set); `now` and `closesAt` are ISO timestamps.
 */
export function canRespond(
  actor: Actor,
  phase: Phase,
  closesAt: string | null,
  now: string,
): boolean {
  switch (phase) {
    case 'concept':
      return actor.role === 'editor' || actor.role === 'writer' || actor.role === 'commenter';
    case 'consultatie':
      return closesAt === null || now < closesAt;
    case 'voorgedragen':
    case 'vastgesteld':
    case 'ingetrokken':
      return false;
    default:
      return exhaustive(phase);
  }
}

/** Change title and phase, manage members, process threads, freeze drafts. */
export function canManagePaper(actor: Actor, phase: Phase): boolean {
  if (phase === 'vastgesteld' || phase === 'ingetrokken') return false;
  return actor.admin || actor.role === 'editor';
}

function exhaustive(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
