import { describe, expect, it } from 'vitest';
import { parseCsvImport, parseJsonImport } from './importLines.js';

describe('parseCsvImport', () => {
  it('reads a BOM, Dutch headers, names and CBS codes in any case, and yes/no', async () => {
    const parsed = await parseCsvImport(
      "\uFEFFE-mail;Naam;Gemeente;Beheerder\r\nA@Amsterdam.nl;Anna;gm0363;ja\r\nb@x.nl;Bob;'s-Hertogenbosch;\r\n",
    );
    expect(parsed).toStrictEqual({
      rows: [
        { line: 2, email: 'a@amsterdam.nl', name: 'Anna', municipality: 'GM0363', admin: true },
        { line: 3, email: 'b@x.nl', name: 'Bob', municipality: 'GM0796', admin: false },
      ],
    });
  });

  it('numbers lines as in the file, past empty lines and a quoted field over two lines', async () => {
    const parsed = await parseCsvImport(
      'email,name,municipality\n\na@x.nl,"Anna\nde Wit",GM0363\nbad,Bob,GM0363\n',
    );
    expect(parsed).toStrictEqual({
      errors: [
        // A line break in a name is refused, as in every name.
        { line: 3, message: 'Gebruik geen stuurtekens (zoals tabs of regeleinden).' },
        { line: 5, message: '"bad" is geen geldig e-mailadres.' },
      ],
    });
  });

  it('names a line with more fields than the header', async () => {
    const parsed = await parseCsvImport('email,name,municipality\na@x.nl,Vries, Anna de,GM0363\n');
    expect(parsed).toMatchObject({ errors: [{ line: 2, message: /aanhalingstekens/ }] });
  });

  it('refuses an empty file and one with only a header', async () => {
    expect(await parseCsvImport('')).toMatchObject({ errors: [{ line: 1 }] });
    expect(await parseCsvImport('email,name,municipality\n')).toMatchObject({
      errors: [{ line: 2 }],
    });
  });

  it('sums up past 500 problems', async () => {
    const lines = Array.from({ length: 600 }, (_, i) => `bad${i},Naam,GM0363`);
    const parsed = await parseCsvImport(['email,name,municipality', ...lines].join('\n'));
    expect('errors' in parsed && parsed.errors).toHaveLength(501);
    expect('errors' in parsed && parsed.errors[500]!.message).toBe('En nog 100 regels met fouten.');
  });
});

describe('parseJsonImport', () => {
  it('checks every entry, numbering them from 1', async () => {
    expect(
      await parseJsonImport({
        users: [
          { email: 'a@x.nl', name: 'Anna', municipality: 'Amsterdam', admin: false },
          { email: 42, name: 'Bob', municipality: 'GM0363', admin: 'misschien' },
        ],
      }),
    ).toStrictEqual({
      errors: [
        {
          line: 2,
          message:
            '"42" is geen geldig e-mailadres; "misschien" in de kolom admin: gebruik ja of nee.',
        },
      ],
    });
  });

  it('refuses another shape', async () => {
    expect(await parseJsonImport([{ email: 'a@x.nl' }])).toMatchObject({ errors: [{ line: 1 }] });
  });
});
