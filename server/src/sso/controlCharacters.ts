/**
 * C0 and C1 control characters: never part of a name, an address or a path a provider or a
 * browser hands over, and able to break a header or a log line.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

export function hasControlCharacters(value: string): boolean {
  return CONTROL_CHARACTERS.test(value);
}

/** Each run of control characters as one space. */
export function withoutControlCharacters(value: string): string {
  return value.replace(new RegExp(CONTROL_CHARACTERS.source + '+', 'g'), ' ');
}
