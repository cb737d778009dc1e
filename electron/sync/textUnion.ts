/**
 * Two versions of one text without their common ancestor (the shared copy's and an exchange file's) merged
 * so that neither loses a word: the words both have stand once, in their order; words only one has stay
 * where they stood, the shared copy's first. An older file therefore never deletes what the members wrote,
 * and what was written in the file arrives. The cost of having no ancestor: a word one side replaced
 * stands next to its replacement.
 */

/** Words and the spaces between them, so a merge never splits a word and keeps the line breaks. */
const TOKENS = /\s+|[^\s]+/g;

/** Above this many cells of the comparison table the middle parts are put one after the other instead. */
const MOST_CELLS = 4_000_000;

export function unionText(ours: string, theirs: string): string {
  if (ours === theirs || theirs === '' || ours.includes(theirs)) return ours;
  if (ours === '' || theirs.includes(ours)) return theirs;
  const a = ours.match(TOKENS) ?? [];
  const b = theirs.match(TOKENS) ?? [];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  const middle =
    (middleA.length + 1) * (middleB.length + 1) > MOST_CELLS ? joined([middleA.join(''), middleB.join('')]) : interleaved(middleA, middleB);
  return a.slice(0, start).join('') + middle + a.slice(a.length - end).join('');
}

/** The common tokens once, each side's own tokens where they stand (the shared copy's before the file's). */
function interleaved(a: readonly string[], b: readonly string[]): string {
  const width = b.length + 1;
  // common[i * width + j]: the length of the longest common sequence of a[i..] and b[j..].
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] = a[i] === b[j] ? (common[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(common[(i + 1) * width + j] ?? 0, common[i * width + j + 1] ?? 0);
    }
  }
  const parts: string[] = [];
  let ownRun = '';
  let theirRun = '';
  const flush = () => {
    parts.push(joined([ownRun, theirRun]));
    ownRun = '';
    theirRun = '';
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      parts.push(a[i] ?? '');
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && (common[(i + 1) * width + j] ?? 0) >= (common[i * width + j + 1] ?? 0))) {
      ownRun += a[i++] ?? '';
    } else {
      theirRun += b[j++] ?? '';
    }
  }
  flush();
  return parts.join('');
}

/** Two runs side by side, with a space between when neither has one where they meet. */
function joined([first, second]: [string, string]): string {
  if (first === '' || second === '') return first + second;
  return /\s$/.test(first) || /^\s/.test(second) ? first + second : `${first} ${second}`;
}
