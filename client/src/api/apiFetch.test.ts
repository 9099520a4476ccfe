import { describe, expect, it } from 'vitest';
import { errorFrom } from './apiFetch';

describe('errorFrom', () => {
  it('keeps the server code and message', () => {
    const error = errorFrom(401, {
      error: { code: 'invalid_credentials', message: 'Onjuist e-mailadres of wachtwoord' },
    });
    expect(error.status).toBe(401);
    expect(error.code).toBe('invalid_credentials');
    expect(error.message).toBe('Onjuist e-mailadres of wachtwoord');
  });

  it('tolerates a body that is not an API error', () => {
    const error = errorFrom(502, '<html>Bad gateway</html>');
    expect(error.status).toBe(502);
    expect(error.code).toBe('unknown');
    expect(error.message).toBe('');
  });
});

describe('errorFrom, for errors that carry more', () => {
  it('keeps the whole body, e.g. the lines an import refused', () => {
    const body = {
      error: { code: 'bad_request', message: 'Er is niets geïmporteerd' },
      lines: [{ line: 3, message: 'Geen geldig e-mailadres' }],
    };
    expect(errorFrom(400, body).body).toBe(body);
  });
});
