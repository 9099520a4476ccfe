import { IMPORT_MAX_BYTES } from '@standpunt/shared';
import { describe, expect, it } from 'vitest';
import {
  IMPORT_CSV_HEADER,
  IMPORT_MAX_MEGABYTES,
  importFileType,
  isTooLargeToImport,
  readImportFile,
  SAMPLE_IMPORT_CSV,
  SAMPLE_IMPORT_HREF,
} from './importFile';

describe('importFileType', () => {
  it('goes by the name first', () => {
    expect(importFileType('accounts.JSON', 'email,name')).toBe('application/json');
    expect(importFileType('accounts.csv', '{"users": []}')).toBe('text/csv');
  });

  it('looks at the content when the name says nothing', () => {
    expect(importFileType('export', '  \n{"users": []}')).toBe('application/json');
    expect(importFileType('export.txt', 'email;name;municipality')).toBe('text/csv');
  });
});

describe('the import limits', () => {
  it('refuses files over the server’s limit before sending them', () => {
    expect(isTooLargeToImport({ size: IMPORT_MAX_BYTES })).toBe(false);
    expect(isTooLargeToImport({ size: IMPORT_MAX_BYTES + 1 })).toBe(true);
    expect(IMPORT_MAX_MEGABYTES).toBe(5);
  });
});

describe('readImportFile', () => {
  it('drops the byte order mark that Excel writes', async () => {
    const file = new File(['\uFEFFemail,name,municipality\n'], 'a.csv');
    expect(await readImportFile(file)).toEqual({
      content: 'email,name,municipality\n',
      type: 'text/csv',
    });
  });
});

describe('the sample file', () => {
  it('starts with the header the form describes', () => {
    expect(SAMPLE_IMPORT_CSV.split('\n')[0]).toBe(IMPORT_CSV_HEADER);
    expect(SAMPLE_IMPORT_CSV.trim().split('\n').length).toBeGreaterThan(1);
  });

  it('downloads as it is written', () => {
    const [, data = ''] = SAMPLE_IMPORT_HREF.split(',', 2);
    expect(SAMPLE_IMPORT_HREF.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(data)).toBe(SAMPLE_IMPORT_CSV);
  });
});
