/** The phases of a paper, in process order (ingetrokken can be reached from all but the last). */
export const PHASES = [
  'concept',
  'consultatie',
  'voorgedragen',
  'vastgesteld',
  'ingetrokken',
] as const;
export type Phase = (typeof PHASES)[number];

/** Roles a person can hold on one paper. */
export const PAPER_ROLES = ['editor', 'writer', 'commenter', 'reader'] as const;
export type PaperRole = (typeof PAPER_ROLES)[number];

/** The themes the association works on; a paper may also name another. */
export const KNOWN_THEMES = [
  'Digitale identiteit',
  'Beheer',
  'Gemeenten en markt',
  'Dienstverlening',
  'Plus 1-gemeente',
] as const;
