import { describe, expect, it } from 'vitest';
import { decisionWarnings } from '../../shared/domain/decisionWarnings';

const base = { outcome: 'beslutning' as const, text: 'Forberedelsestiden ligger tirsdag eftermiddag.', decidedBy: '', expectGiven: '', expectOfWhom: '' };

describe('advarsler ved beslutninger', () => {
  it('advarer, når en beslutning hverken har handling eller ansvarlig', () => {
    expect(decisionWarnings(base, { announcedColour: 'gul', actionCount: 0 }).map((w) => w.kind)).toEqual(['ingen_handling']);
    expect(decisionWarnings(base, { announcedColour: 'gul', actionCount: 1 })).toEqual([]);
    expect(decisionWarnings({ ...base, decidedBy: 'Skolelederen' }, { announcedColour: 'gul', actionCount: 0 })).toEqual([]);
  });

  it('advarer ikke ved afklaring uden enighed', () => {
    expect(decisionWarnings({ ...base, outcome: 'afklaring_uden_enighed' }, { announcedColour: null, actionCount: 0 })).toEqual([]);
  });

  it('advarer, når et grønt punkts svar allerede stod som givet', () => {
    const given = { ...base, decidedBy: 'TRIO', expectGiven: 'Det er givet: forberedelsestiden ligger tirsdag eftermiddag.' };
    expect(decisionWarnings(given, { announcedColour: 'groen', actionCount: 1 }).map((w) => w.kind)).toEqual(['groen_men_givet']);
    expect(decisionWarnings(given, { announcedColour: 'gul', actionCount: 1 })).toEqual([]);
    expect(decisionWarnings({ ...given, expectGiven: 'Rammen er 45 minutter om ugen.' }, { announcedColour: 'groen', actionCount: 1 })).toEqual([]);
  });
});
