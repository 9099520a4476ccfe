/**
 * What a new password must be (NIST SP 800-63B, as DESIGN.md asks): long enough, not one that
 * guessers try first, and no composition rules. Applies wherever a password is set: the first
 * admin from the environment, an account made by an admin, an invitation, a reset and one's
 * own change.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH } from '@standpunt/shared';

/**
 * Words Dutch guessers start with, which the (English-centred) list lacks; like the list's
 * entries they are refused also with digits or punctuation around them ("Welkom2026!").
 */
const DUTCH_COMMON = [
  'wachtwoord',
  'welkom',
  'geheim',
  'gemeente',
  'standpunt',
  'voorjaar',
  'zomer',
  'najaar',
  'herfst',
  'winter',
  'maandag',
  'wijzigen',
  'inloggen',
  'nederland',
  'holland',
  'amsterdam',
  'rotterdam',
  'utrecht',
  'denhaag',
  'eindhoven',
  'groningen',
  'feyenoord',
  'ajax',
  'psv',
  'oranje',
  'vng',
  'beheerder',
  'welkom01',
  'hallo',
  'doei',
  'liefde',
  'schatje',
];

const COMMON = new Set([...dictionary.passwords, ...DUTCH_COMMON]);

/** Sequences typed without thinking; a password that walks one of them is refused. */
const SEQUENCES = [
  '0123456789',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
];

/** Digits and punctuation that people put around a common word to pass a rule. */
const DECORATION = /^[\d\p{P}\p{S}\s]*(.*?)[\d\p{P}\p{S}\s]*$/u;

function walksSequence(chars: string[]): boolean {
  return SEQUENCES.some((sequence) =>
    [1, -1].some((step) =>
      chars.every((char, i) => {
        if (i === 0) return sequence.includes(char);
        const previous = sequence.indexOf(chars[i - 1]!);
        const expected = (previous + step + sequence.length) % sequence.length;
        return previous !== -1 && sequence[expected] === char;
      }),
    ),
  );
}

/** `abababab…`, `123123…`: a unit of up to three characters, repeated. */
function repeatsShortUnit(chars: string[]): boolean {
  for (let unit = 1; unit <= 3; unit++) {
    if (chars.every((char, i) => char === chars[i % unit])) return true;
  }
  return false;
}

function isCommon(lower: string): boolean {
  if (COMMON.has(lower)) return true;
  const core = DECORATION.exec(lower)?.[1] ?? lower;
  // A short core ("a", "x1") is not a word: "7a!…" is no guess from the list.
  return core.length >= 3 && COMMON.has(core);
}

/**
 * Why `password` may not be chosen for the account with `email`, as a Dutch sentence for the
 * person choosing it, or null when it may.
 */
export function passwordProblem(password: string, email: string): string | null {
  const normalised = password.normalize('NFKC');
  const chars = Array.from(normalised.toLowerCase());
  if (chars.length < MIN_PASSWORD_LENGTH) {
    return `Kies een wachtwoord van minstens ${MIN_PASSWORD_LENGTH} tekens.`;
  }
  if (normalised.trim() === '') return 'Een wachtwoord van alleen spaties is niet toegestaan.';
  const lower = chars.join('');
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  if (lower === address || lower === localPart || (address && lower.includes(address))) {
    return 'Uw wachtwoord mag niet uw e-mailadres zijn.';
  }
  if (repeatsShortUnit(chars)) {
    return 'Een wachtwoord dat steeds dezelfde tekens herhaalt, is te makkelijk te raden.';
  }
  if (walksSequence(chars)) {
    return 'Een reeks als 123456… of abcdef… is te makkelijk te raden.';
  }
  if (isCommon(lower)) {
    return 'Dit wachtwoord wordt veel gebruikt en is daardoor makkelijk te raden. Kies een ander, bijvoorbeeld een zin van een paar woorden.';
  }
  return null;
}
