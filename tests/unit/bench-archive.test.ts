import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORUM_COUNT, forumRhythms, meetingTimes } from '../bench/calendar';
import { createProse, seededRandom } from '../bench/prose';
import { buildModel, loadSeedModel, seedFolder } from '../bench/seedModel';

describe('the benchmark archive’s word model', () => {
  it('counts words joined again across a PDF line break, and a sentence’s first capital is not the word’s', () => {
    const model = buildModel(
      ['Skolerne har mange erhvervs-\nskoler i kommunen. Erhvervsskoler samarbejder med VIVE om evalueringen.\nTo ord.'],
      'test',
    );
    const counts = new Map(model.words);
    expect(counts.get('erhvervsskoler')).toBe(2);
    expect(counts.get('skolerne')).toBe(1);
    expect(counts.has('Skolerne')).toBe(false);
    // An abbreviation keeps its capitals.
    expect(counts.get('VIVE')).toBe(1);
    // «To ord.» is too short to be a sentence of prose.
    expect(counts.has('ord')).toBe(false);
    expect(model.sentenceLengths[6]).toBe(2);
    expect(model.totalWords).toBe(12);
  });

  it('draws the same text from the same seed, and a different one from another', () => {
    const model = buildModel(['Lærerne drøfter arbejdstiden på skolen hver uge. Ledelsen svarer på spørgsmålene fra teamene i dag.'], 'test');
    const a = createProse(model, seededRandom(7)).text(300);
    const b = createProse(model, seededRandom(7)).text(300);
    const c = createProse(model, seededRandom(8)).text(300);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    expect(a.length).toBeGreaterThanOrEqual(300);
  });
});

const seeds = (() => {
  try {
    return seedFolder();
  } catch {
    return null;
  }
})();

describe.skipIf(seeds === null)('the benchmark archive’s text from the seed documents (skipped: no ../shared/seeds here)', () => {
  it('holds the seeds’ vocabulary in their proportions, and never a run of eight words from them', () => {
    const model = loadSeedModel();
    expect(model.totalWords).toBeGreaterThan(60_000);
    const [first, second] = model.words;
    expect(first?.[1]).toBeGreaterThanOrEqual(second?.[1] ?? Infinity);

    const folder = seeds ?? '';
    const source = readdirSync(folder)
      .filter((name) => /\.(md|txt)$/i.test(name))
      .map((name) => readFileSync(join(folder, name), 'utf8'))
      .join(' ')
      .toLocaleLowerCase('da-DK')
      .replace(/[^\p{L}\p{N}]+/gu, ' ');
    const prose = createProse(model, seededRandom(1));
    const words = Array.from({ length: 200 }, () => prose.sentence())
      .join(' ')
      .toLocaleLowerCase('da-DK')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .split(' ');
    for (let i = 0; i + 8 <= words.length; i += 4) {
      expect(source.includes(` ${words.slice(i, i + 8).join(' ')} `)).toBe(false);
    }
  });
});

describe('the benchmark archive’s calendar', () => {
  it('has about 5,000 meetings in ten years, on weekdays outside July, a few forums weekly and some twice a year', () => {
    const next = seededRandom(1);
    const rhythms = forumRhythms(next);
    expect(rhythms).toHaveLength(FORUM_COUNT);
    const held = rhythms.flatMap((rhythm, f) => meetingTimes(rhythm, 10, f, next).held);
    expect(held.length).toBeGreaterThan(4_500);
    expect(held.length).toBeLessThan(5_800);
    for (const startsAt of held) {
      const date = new Date(`${startsAt}:00Z`);
      expect(date.getUTCMonth()).not.toBe(6);
      expect([0, 6]).not.toContain(date.getUTCDay());
    }
    const perForum = rhythms.map((rhythm, f) => meetingTimes(rhythm, 10, f, seededRandom(f)).held.length);
    expect(Math.max(...perForum)).toBeGreaterThan(300);
    expect(Math.min(...perForum)).toBeLessThan(25);
  });
});

// The seed folder is looked up from the working directory, as the bench does.
it('finds the seed folder only where it exists', () => {
  if (seeds !== null) expect(existsSync(seeds)).toBe(true);
  else expect(() => seedFolder()).toThrow(/SAMTALERUM_SEEDS/);
});
