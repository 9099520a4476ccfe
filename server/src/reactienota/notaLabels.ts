import type { Stance, ThreadKind, ThreadStatus } from '@standpunt/shared';

/** Dutch words for the reactienota; the API's codes stay in the CSV's code columns. */
export const KIND_LABELS: Record<ThreadKind, string> = {
  comment: 'Opmerking',
  suggestion: 'Wijzigingsvoorstel',
};

export const STATUS_LABELS: Record<ThreadStatus, string> = {
  open: 'Nog niet verwerkt',
  accepted: 'Overgenomen',
  rejected: 'Afgewezen',
  resolved: 'Afgehandeld',
  withdrawn: 'Ingetrokken',
};

export const STANCE_LABELS: Record<Stance, string> = {
  steunt: 'Steunt',
  'steunt-met-wijzigingen': 'Steunt met wijzigingen',
  'steunt-niet': 'Steunt niet',
};

/** The flag on responses an editor has not processed yet. */
export const UNPROCESSED = 'Nog niet verwerkt';

/** The note on a thread whose quoted text was deleted from the live text. */
export const ORPHANED = 'De geciteerde tekst staat niet meer in de tekst.';
