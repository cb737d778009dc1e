/**
 * The word-frequency model the benchmark archive writes its text from: how often each word occurs in real
 * Danish prose about schools (the source documents in `shared/seeds`, about 84,000 words), and how long
 * its sentences are. Only counts are kept, never a sentence, so the archive has the vocabulary and rhythm
 * of real text without copying any of it. The model is cached as a small JSON file under `.cache/bench`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Raise when the tokenising below changes, so a cached model is built anew. */
const MODEL_VERSION = 1;
/** Sentences outside these lengths are tables, headings or page furniture from the PDF conversion, not prose. */
const SENTENCE_WORDS = { min: 3, max: 60 } as const;

export interface SeedModel {
  /** Hash of the sources and the tokeniser: part of the cache key of every generated archive. */
  hash: string;
  /** Every word with its count, most frequent first; the form is as the prose writes it mid-sentence. */
  words: [string, number][];
  /** sentenceLengths[n] = how many sentences have n words. */
  sentenceLengths: number[];
  totalWords: number;
}

/** Where the source documents lie: SAMTALERUM_SEEDS, or `shared/seeds` beside the checkout or its worktree folder. */
export function seedFolder(): string {
  const candidates = [process.env['SAMTALERUM_SEEDS'], resolve('..', 'shared', 'seeds'), resolve('..', '..', 'shared', 'seeds')];
  const found = candidates.find((dir): dir is string => dir !== undefined && existsSync(dir));
  if (!found) {
    throw new Error('Kildeteksterne til testarkivet blev ikke fundet. Læg dem i ../shared/seeds, eller angiv mappen i SAMTALERUM_SEEDS.');
  }
  return found;
}

export function loadSeedModel(folder = seedFolder()): SeedModel {
  const files = readdirSync(folder)
    .filter((name) => /\.(md|txt)$/i.test(name))
    .sort();
  if (files.length === 0) throw new Error(`Mappen ${folder} indeholder ingen kildetekster (.md eller .txt).`);
  const texts = files.map((name) => readFileSync(join(folder, name), 'utf8'));
  const hash = createHash('sha256')
    .update(`ordmodel ${MODEL_VERSION}\n`)
    .update(texts.join('\u0000'))
    .digest('hex')
    .slice(0, 16);
  const cached = join('.cache', 'bench', `ordmodel-${hash}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8')) as SeedModel;

  const model = buildModel(texts, hash);
  mkdirSync(join('.cache', 'bench'), { recursive: true });
  const partial = `${cached}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(model));
  renameSync(partial, cached);
  return model;
}

/** A word: letters (with marks) and digits, possibly joined by hyphens, as in «skole-hjem-samarbejde». */
const WORD = /\p{L}[\p{L}\p{M}\p{N}]*(?:-\p{L}[\p{L}\p{M}\p{N}]*)*/gu;

export function buildModel(texts: string[], hash: string): SeedModel {
  const forms = new Map<string, Map<string, number>>();
  const sentenceLengths: number[] = [];
  let totalWords = 0;
  for (const raw of texts) {
    for (const sentence of sentencesOf(raw)) {
      const words = sentence.match(WORD) ?? [];
      if (words.length < SENTENCE_WORDS.min || words.length > SENTENCE_WORDS.max) continue;
      sentenceLengths[words.length] = (sentenceLengths[words.length] ?? 0) + 1;
      words.forEach((word, index) => {
        const key = word.toLocaleLowerCase('da-DK');
        const seen = forms.get(key) ?? new Map<string, number>();
        // The first word's capital is the sentence's, not the word's.
        const form = index === 0 && word.slice(1) === word.slice(1).toLocaleLowerCase('da-DK') ? key : word;
        seen.set(form, (seen.get(form) ?? 0) + 1);
        forms.set(key, seen);
        totalWords++;
      });
    }
  }
  const words: [string, number][] = [...forms.entries()].map(([key, seen]) => {
    let count = 0;
    let best: [string, number] = [key, -1];
    for (const [form, n] of seen) {
      count += n;
      if (n > best[1]) best = [form, n];
    }
    return [best[0], count];
  });
  // Most frequent first; equal counts in alphabetical order, so the model is the same on every machine.
  words.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { hash, words, sentenceLengths: Array.from(sentenceLengths, (n) => n ?? 0), totalWords };
}

/** The prose of a converted PDF: words split at line ends joined again, bullets and line breaks gone. */
function sentencesOf(raw: string): string[] {
  const text = raw
    .replace(/(\p{L})-[ \t]*\r?\n[ \t]*(\p{Ll})/gu, '$1$2')
    .replace(/[▪•·]/gu, ' ')
    .replace(/\s+/gu, ' ');
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}\d«“"])/u);
}
