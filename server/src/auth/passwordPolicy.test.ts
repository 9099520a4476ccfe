import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwordPolicy.js';

const EMAIL = 'j.de.vries@amsterdam.nl';

describe('passwordProblem', () => {
  it.each([
    ['too short', 'kort-wacht1'],
    ['only spaces', '            '],
    ['one repeated character', 'aaaaaaaaaaaa'],
    ['a repeated short unit', 'abcabcabcabc'],
    ['a digit sequence, wrapping past 9', '123456789012'],
    ['a descending sequence', '987654321098'],
    ['a letter sequence', 'abcdefghijklm'],
    ['a keyboard row', 'QWERTYUIOPQW'],
    ['the e-mail address', 'J.de.Vries@Amsterdam.nl'],
    ['the address with more around it', 'x-j.de.vries@amsterdam.nl-x'],
    ['a common password', 'qwerty123456'],
    ['a common password with digits after it', 'password2026!'],
    ['a Dutch one with digits around it', '2026Wachtwoord!'],
    ['a Dutch greeting padded to length', 'Welkom123456'],
  ])('refuses %s', (_case, password) => {
    expect(passwordProblem(password, EMAIL)).toMatch(/\S/);
  });

  it.each([
    ['a sentence of words', 'paarse olifanten dansen traag'],
    ['a long random string', 'x7$Kp2!vQm9#Lr'],
    ['a common word inside more', 'mijn welkom bij de raad'],
    ['spaces within', '  drie  kleine  kuikens  '],
    ['a sequence within more', 'huis 12345 tuin'],
  ])('accepts %s', (_case, password) => {
    expect(passwordProblem(password, EMAIL)).toBeNull();
  });

  it('counts characters, not UTF-16 units', () => {
    // Eleven emoji are 22 units but 11 characters: too short.
    expect(passwordProblem('🌷🐄🚲🧀🌷🐄🚲🧀🌷🐄🚲', EMAIL)).toMatch(/12 tekens/);
  });
});
