/**
 * Yjs state in the stored files (snapshots, update log lines) is standard base64, as
 * `Buffer.toString('base64')` writes it. Node's decoder accepts anything, so what is read
 * back is checked first: a damaged file must be named, not decoded into other bytes.
 */

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Decodes text that passed {@link isBase64}. */
export function fromBase64(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'base64'));
}

const ALPHABET = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') {
  ALPHABET[char.charCodeAt(0)] = 1;
}
const PAD = '='.charCodeAt(0);

/**
 * Whether `text` is standard base64 with its padding. A loop over the characters rather than
 * a regular expression: a paper's snapshot is hundreds of KB of base64, and the expression
 * took several times as long, on every load.
 */
export function isBase64(text: string): boolean {
  const { length } = text;
  if (length % 4 !== 0) return false;
  let end = length;
  if (end > 0 && text.charCodeAt(end - 1) === PAD) end--;
  if (end > 0 && text.charCodeAt(end - 1) === PAD) end--;
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || ALPHABET[code] === 0) return false;
  }
  return true;
}
