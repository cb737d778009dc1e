import { describe, expect, it } from 'vitest';
import { decisionWarnings } from '../../shared/domain/decisionWarnings';

const base = { outcome: 'beslutning' as const, text: 'Forberedelsestiden ligger tirsdag eftermiddag.', decidedBy: '', expectGiven: '', expectOfWhom: '' };
const noOwner = { actionCount: 0, itemOwner: '' };

describe('advarsler ved beslutninger', () => {
  it('advarer, når en beslutning hverken har handling eller ansvarlig, og siger hvad man gør', () => {
    const warnings = decisionWarnings(base, { announcedColour: 'gul', ...noOwner });
    expect(warnings.map((w) => w.kind)).toEqual(['ingen_handling']);
    expect(warnings[0]?.message).toMatch(/Tilføj en handling/);
    expect(decisionWarnings(base, { announcedColour: 'gul', actionCount: 1, itemOwner: '' })).toEqual([]);
    expect(decisionWarnings({ ...base, decidedBy: 'Skolelederen' }, { announcedColour: 'gul', ...noOwner })).toEqual([]);
  });

  it('advarer ikke om manglende ansvarlig, når punktet har en Ansvarlig', () => {
    expect(decisionWarnings(base, { announcedColour: 'gul', actionCount: 0, itemOwner: 'Mette Holm (skoleleder)' })).toEqual([]);
  });

  it('advarer ikke ved afklaring uden enighed', () => {
    expect(decisionWarnings({ ...base, outcome: 'afklaring_uden_enighed' }, { announcedColour: null, ...noOwner })).toEqual([]);
  });

  it('advarer, når et grønt punkts beslutning kun gentager det givne, og siger hvad man gør', () => {
    const given = { ...base, decidedBy: 'TRIO', expectGiven: 'Det er givet: forberedelsestiden ligger tirsdag eftermiddag.' };
    const warnings = decisionWarnings(given, { announcedColour: 'groen', actionCount: 1, itemOwner: '' });
    expect(warnings.map((w) => w.kind)).toEqual(['groen_men_givet']);
    expect(warnings[0]?.message).toMatch(/Skriv, hvad forummet selv besluttede/);
    expect(decisionWarnings(given, { announcedColour: 'gul', actionCount: 1, itemOwner: '' })).toEqual([]);
    expect(decisionWarnings({ ...given, expectGiven: 'Rammen er 45 minutter om ugen.' }, { announcedColour: 'groen', actionCount: 1, itemOwner: '' })).toEqual([]);
  });

  it('advarer ikke, når en grøn beslutning gentager rammen og lægger sit eget valg til', () => {
    const decision = {
      ...base,
      decidedBy: 'Teamet',
      expectGiven: 'Rammen er 45 minutter fælles forberedelse om ugen.',
      text: 'Inden for rammen på 45 minutter fælles forberedelse om ugen lægger vi tiden tirsdag efter 14.30 i lige uger.',
    };
    expect(decisionWarnings(decision, { announcedColour: 'groen', actionCount: 1, itemOwner: '' })).toEqual([]);
  });
});
