/**
 * What the search box sends, built from the seed model so the queries hit the archive as real ones would:
 * the most frequent content words, the 1–3 letters a user has typed so far (the box searches as they
 * type), rare words, words the archive does not have, several words as people type them (the last one
 * unfinished), the meetings' own subjects, and the filters of the search screen.
 */
import { buildSearchQuery } from '../../shared/domain/searchQuery';
import { forumIdOf } from './generate';
import type { SeedModel } from './seedModel';

export type QueryGroup = 'almindeligt ord' | 'kort præfiks' | 'sjældent ord' | 'intet hit' | 'flere ord' | 'emne' | 'filter';

export interface BenchQuery {
  group: QueryGroup;
  label: string;
  input: Record<string, unknown>;
}

/** Words that carry no subject: nobody searches for them, so they are not the «common words» a user types. */
const STOPWORDS = new Set(
  (
    'og i at det er en til på de med for af der som den ikke har var et om men eller kan skal vil blev bliver også fra så ' +
    'ved efter når hvor hvad dem deres sig sin sine sit hans hun han jeg vi du man mere meget være været have hvis kun alle ' +
    'andre anden andet over under mellem hvordan hvilke hvilken nogle noget både dette disse denne her samt mod uden inden ' +
    'blandt især fx bl mv osv ud op ind kunne skulle ville får fået give giver gør gøre hele flere mange første ofte dog ' +
    'eksempel forhold både ligesom derfor fordi altså nu sådan selv samme enkelte ifølge igennem gennem været hvilket'
  ).split(' '),
);
/** Words no archive of school meetings holds; only those the model does not know either are used. */
const NO_HIT_CANDIDATES = ['zebrafinke', 'kvantefysik', 'xylofon', 'marsbase', 'gletsjerspalte', 'vulkanudbrud'];

const letters = (word: string) => /^\p{L}+$/u.test(word);

export function searchQueries(model: SeedModel): BenchQuery[] {
  const lower = model.words.map(([form, count]) => [form.toLocaleLowerCase('da-DK'), count] as const);
  const content = lower.filter(([word]) => word.length >= 4 && letters(word) && !STOPWORDS.has(word)).map(([word]) => word);
  const common = content.slice(0, 6);

  // The letters people start with most: the first letter of every word, weighted by how often the word occurs.
  const initials = new Map<string, number>();
  for (const [word, count] of lower) {
    const first = word.charAt(0);
    if (letters(first)) initials.set(first, (initials.get(first) ?? 0) + count);
  }
  const oneLetter = [...initials.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([letter]) => letter);
  const prefixes = [...new Set([...oneLetter, ...common.slice(0, 3).map((w) => w.slice(0, 2)), ...common.slice(0, 3).map((w) => w.slice(0, 3))])];

  // Words the sources use once, spread over the alphabet of that list.
  const once = lower.filter(([word, count]) => count === 1 && word.length >= 7 && letters(word)).map(([word]) => word);
  const rare = [0.1, 0.35, 0.6, 0.85].map((at) => once[Math.floor(at * once.length)]).filter((w): w is string => w !== undefined);

  const known = (candidate: string) => lower.some(([word]) => word.startsWith(candidate));
  const noHit = NO_HIT_CANDIDATES.filter((candidate) => !known(candidate)).slice(0, 3);

  const [c0 = '', c1 = '', c2 = '', c3 = '', c4 = ''] = common;
  const text = (group: QueryGroup, value: string): BenchQuery => ({ group, label: value, input: { text: value } });
  return [
    ...common.map((w) => text('almindeligt ord', w)),
    ...prefixes.map((p) => text('kort præfiks', p)),
    ...rare.map((w) => text('sjældent ord', w)),
    ...noHit.map((w) => text('intet hit', w)),
    text('flere ord', `${c0} ${c1}`),
    text('flere ord', `${c2} ${c3.slice(0, 3)}`),
    text('flere ord', `"${c1} ${c4}"`),
    text('flere ord', `${c3} ${c4} ${c0.slice(0, 2)}`),
    text('emne', 'arbejdsmiljø'),
    text('emne', 'forberedelse'),
    text('emne', 'APV'),
    text('emne', 'co-teaching'),
    text('emne', 'trivsel indskolingen'),
    { group: 'filter', label: `${c0}, ét forum`, input: { text: c0, forumId: forumIdOf(7) } },
    { group: 'filter', label: `${c1}, rød`, input: { text: c1, colour: 'roed' } },
    { group: 'filter', label: 'tilsyn, ét skoleår', input: { text: 'tilsyn', from: '2025-08-01', to: '2026-07-31' } },
    { group: 'filter', label: `${c2}, beslutninger`, input: { text: c2, kind: 'decision', includeConfidential: true } },
  ];
}

/**
 * The MATCH expression a developer would pass to bare FTS5 for this text: the product's own query
 * builder, or (where the product answers short input otherwise) every word as a prefix.
 */
export function bareMatch(text: string): string {
  const built = buildSearchQuery(text);
  if (built.ok) return built.match;
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map((word) => `"${word}"*`).join(' AND ');
}
