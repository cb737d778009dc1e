import { describe, expect, it } from 'vitest';
import { itemWarnings, minutesOver } from '../../shared/domain/agendaWarnings';

const plain = { type: 'droeftelse', announcedColour: null, sensitive: false, forvarselAt: null, addedLate: false, consentAt: null };

describe('advarsler på dagsordenspunkter', () => {
  it('et almindeligt punkt har ingen advarsler', () => {
    expect(itemWarnings(plain)).toEqual([]);
  });

  it('et følsomt punkt advarer, indtil forvarslet er bekræftet', () => {
    expect(itemWarnings({ ...plain, sensitive: true }).map((w) => w.kind)).toEqual(['forvarsel_mangler']);
    expect(itemWarnings({ ...plain, sensitive: true, forvarselAt: '2026-11-20T10:00:00Z' })).toEqual([]);
  });

  it('et sent punkt advarer, indtil samtykket er registreret', () => {
    expect(itemWarnings({ ...plain, addedLate: true }).map((w) => w.kind)).toEqual(['samtykke_mangler']);
    expect(itemWarnings({ ...plain, addedLate: true, consentAt: '2026-11-20T10:00:00Z' })).toEqual([]);
  });

  it('et beslutningspunkt uden farve advarer', () => {
    expect(itemWarnings({ ...plain, type: 'beslutning' }).map((w) => w.kind)).toEqual(['farve_mangler']);
  });

  it('regner minutter over mødets længde', () => {
    expect(minutesOver(100, 90)).toBe(10);
    expect(minutesOver(80, 90)).toBe(0);
  });
});
