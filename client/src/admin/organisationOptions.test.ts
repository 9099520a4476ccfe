import { MUNICIPALITIES } from '@standpunt/shared';
import { describe, expect, it } from 'vitest';
import { sortedMunicipalities } from './organisationOptions';

describe('sortedMunicipalities', () => {
  it('keeps all 342 municipalities', () => {
    expect(sortedMunicipalities()).toHaveLength(342);
    expect(MUNICIPALITIES).toHaveLength(342);
  });

  it("files 's-Gravenhage under G and 's-Hertogenbosch under H", () => {
    const names = sortedMunicipalities().map((m) => m.name);
    expect(names.indexOf("'s-Gravenhage")).toBeGreaterThan(names.indexOf('Gouda'));
    expect(names.indexOf("'s-Gravenhage")).toBeLessThan(names.indexOf('Groningen'));
    expect(names.indexOf("'s-Hertogenbosch")).toBeGreaterThan(names.indexOf('Heerlen'));
    expect(names[0]).toBe('Aa en Hunze');
  });
});
