/**
 * The anonymity guard of the lyttemøder: what a teacher says is written down, who said it is not. Before
 * an input, a note, a theme or a teacher group is stored, the text is checked for something that looks
 * like a person's name, so a slip («Hanne sagde …») is caught when it is typed.
 *
 * Known names are the people the archive holds (forum members, participants, guests) and a built-in list
 * of common Danish first names. A hit is a known full name anywhere, in any case, or a capitalised word
 * that is a known first name (also in the genitive: «Hannes»). Some first names are ordinary Danish words
 * too («Per uge …», «Bo», «Mark», «Sol»); those only count where a sentence cannot explain the capital
 * letter: inside a sentence, or at its start when the next word is one a person's name is followed by
 * («Per siger …»). Pure: no runtime imports.
 */

/** Common Danish first names (women's and men's, older and newer generations). */
export const COMMON_FIRST_NAMES: readonly string[] = [
  // Women
  'Anne', 'Kirsten', 'Hanne', 'Mette', 'Anna', 'Helle', 'Susanne', 'Lene', 'Maria', 'Marianne', 'Lone', 'Camilla',
  'Pia', 'Louise', 'Charlotte', 'Bente', 'Tina', 'Gitte', 'Inge', 'Karen', 'Ida', 'Julie', 'Sofie', 'Emma', 'Laura',
  'Freja', 'Clara', 'Ella', 'Alma', 'Karla', 'Josefine', 'Mathilde', 'Caroline', 'Cecilie', 'Katrine', 'Line', 'Maja',
  'Sara', 'Signe', 'Stine', 'Trine', 'Rikke', 'Heidi', 'Dorthe', 'Dorte', 'Birgit', 'Birgitte', 'Jette', 'Lisbeth',
  'Inger', 'Else', 'Grethe', 'Ulla', 'Annette', 'Henriette', 'Malene', 'Christina', 'Sanne', 'Nanna', 'Nina',
  'Maiken', 'Tanja', 'Vibeke', 'Merete', 'Eva', 'Ellen', 'Ruth', 'Tove', 'Jytte', 'Lise', 'Hanna', 'Agnes', 'Astrid',
  'Frida', 'Olivia', 'Asta', 'Lærke', 'Liv', 'Sol', 'Maj', 'Ditte', 'Mie', 'Sofia', 'Emilie', 'Amalie', 'Victoria',
  'Marie', 'Kamilla', 'Janni', 'Jeanette', 'Susan', 'Ane', 'Bodil', 'Kathrine', 'Lotte', 'Mona', 'Winnie', 'Yvonne',
  // Men
  'Peter', 'Jens', 'Lars', 'Michael', 'Henrik', 'Thomas', 'Søren', 'Jan', 'Niels', 'Christian', 'Martin', 'Jørgen',
  'Hans', 'Anders', 'Morten', 'Jesper', 'Ole', 'Per', 'Erik', 'Kim', 'Mads', 'Rasmus', 'Mikkel', 'Kasper', 'Jakob',
  'Jacob', 'Frederik', 'Poul', 'Torben', 'Carsten', 'Steen', 'Claus', 'Klaus', 'Flemming', 'Finn', 'Bent', 'Knud',
  'Leif', 'Preben', 'Ove', 'Arne', 'Kurt', 'Bo', 'Brian', 'Allan', 'Kenneth', 'Jonas', 'Simon', 'Mathias', 'Tobias',
  'Daniel', 'Andreas', 'Nikolaj', 'Kristian', 'William', 'Noah', 'Oscar', 'Lucas', 'Lukas', 'Victor', 'Malthe',
  'Oliver', 'Alfred', 'Carl', 'Emil', 'Aksel', 'Magnus', 'Valdemar', 'Elias', 'August', 'Anton', 'Johan', 'Villads',
  'Storm', 'Mark', 'Ask', 'Sebastian', 'Philip', 'Jonathan', 'Benjamin', 'Marcus', 'Gustav', 'Otto',
  'Bjørn', 'Svend', 'Sten', 'Stig', 'Kaj', 'Tue', 'Ib', 'Ulrik', 'Troels', 'Thorkild', 'Henning', 'Palle', 'Dennis',
  'Rune', 'Ebbe', 'Esben', 'Asger', 'Sune', 'Dan', 'Max', 'Birk', 'Ravn', 'Ali', 'Mohammed', 'Ahmed', 'Omar',
];

/**
 * First names that are also ordinary Danish words (or months, which Danish writes in lower case), so a
 * capital letter at the start of a sentence says nothing about them.
 */
const ORDINARY_WORDS: ReadonlySet<string> = new Set([
  'per', 'bo', 'mark', 'maj', 'sol', 'ask', 'lærke', 'kim', 'hans', 'line', 'lise', 'bent', 'trine', 'storm', 'sten',
  'stig', 'kaj', 'birk', 'ravn', 'august', 'liv', 'max', 'dan', 'bjørn', 'svend', 'helle', 'ulla', 'else', 'rune',
  'ebbe', 'ane', 'mie', 'sune', 'tue', 'ib', 'asta', 'aksel', 'ove',
]);

/** Words a name at the start of a sentence is typically followed by: «Per siger, at …». */
const AFTER_A_NAME: ReadonlySet<string> = new Set([
  'siger', 'sagde', 'mener', 'mente', 'synes', 'syntes', 'fortalte', 'fortæller', 'foreslog', 'foreslår', 'spurgte',
  'spørger', 'nævnte', 'nævner', 'påpegede', 'påpeger', 'understregede', 'tilføjede', 'oplever', 'oplevede', 'føler',
  'følte', 'sagt',
]);

const LETTER = /\p{L}/u;
const WORDS = /\p{L}+/gu;
/** What may stand between the end of a sentence and its first word: space, quotes, brackets, dashes, bullets. */
const OPENERS = /[\s«»"'“”„‘’([–—•*-]/u;
const SENTENCE_ENDS = /[.!?:;\n]/u;

const fold = (text: string) => text.toLocaleLowerCase('da-DK');

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  const rest = word.slice(1);
  return first !== fold(first) && rest === fold(rest);
}

function startsSentence(text: string, index: number): boolean {
  for (let i = index - 1; i >= 0; i -= 1) {
    const char = text.charAt(i);
    if (SENTENCE_ENDS.test(char)) return true;
    if (!OPENERS.test(char)) return false;
  }
  return true;
}

function nextWord(text: string, from: number): string {
  const match = /\p{L}+/u.exec(text.slice(from));
  return match ? fold(match[0]) : '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

interface Hit {
  index: number;
  text: string;
}

function fullNameHit(text: string, fullName: string): Hit | null {
  const parts = fullName.trim().split(/\s+/u).map(escapeRegExp);
  const pattern = new RegExp(`(?<!\\p{L})${parts.join('\\s+')}(?!\\p{L})`, 'iu');
  const match = pattern.exec(text);
  return match ? { index: match.index, text: match[0] } : null;
}

function firstNameHit(text: string, firstNames: ReadonlySet<string>): Hit | null {
  for (const match of text.matchAll(WORDS)) {
    const word = match[0];
    if (!isCapitalised(word)) continue;
    const folded = fold(word);
    // «Hannes klasse»: the genitive of a name is a name too (but «Hans» is a name of its own).
    const name = firstNames.has(folded) ? folded : folded.endsWith('s') && firstNames.has(folded.slice(0, -1)) ? folded.slice(0, -1) : null;
    if (name === null) continue;
    const index = match.index;
    if (ORDINARY_WORDS.has(name) && startsSentence(text, index) && !AFTER_A_NAME.has(nextWord(text, index + word.length))) continue;
    return { index, text: word };
  }
  return null;
}

const NAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'der', 'den', 'de', 'la', 'le', 'af', 'da', 'di', 'el', 'al', 'bin', 'ibn']);

/** Roles that end up in a name field («Gæst», «Skoleleder»); their word is no first name. */
const ROLE_WORDS: ReadonlySet<string> = new Set([
  'gæst', 'gæsten', 'skoleleder', 'skolelederen', 'viceskoleleder', 'afdelingsleder', 'leder', 'lederen', 'konsulent',
  'konsulenten', 'sekretær', 'sekretæren', 'lærer', 'læreren', 'lærerne', 'pædagog', 'pædagogen', 'skolechef', 'skolechefen',
  'kredsformand', 'kredsformanden', 'næstformand', 'formand', 'formanden', 'referent', 'facilitator', 'repræsentant', 'ukendt',
]);

/**
 * Whether a stored name reads like a person's name («Mette Lund», «Anne-Marie van der Berg»), rather than
 * a role typed where a name belongs («Konsulent fra PPR»), whose first word must not become a "first name".
 */
function looksLikePersonName(name: string): boolean {
  const words = name.trim().split(/\s+/u);
  if (ROLE_WORDS.has(fold(words[0] ?? ''))) return false;
  return words.every((word) => NAME_PARTICLES.has(word) || word.split('-').every((part) => isCapitalised(part) && LETTER.test(part)));
}

/** The first names to look for: the built-in list plus the first word of every known name. */
function firstNamesOf(knownNames: readonly string[]): Set<string> {
  const names = new Set(COMMON_FIRST_NAMES.map(fold));
  for (const name of knownNames) {
    if (!looksLikePersonName(name)) continue;
    const first = name.trim().split(/[\s-]+/u)[0] ?? '';
    // Initials and one-letter words say too little to refuse a text over.
    if (first.length >= 2) names.add(fold(first));
  }
  return names;
}

/**
 * The first thing in `text` that looks like a person's name, as written there, or null.
 * `knownNames` are full names of people the archive knows («Mette Lund»); the built-in first names are
 * always checked as well.
 */
export function findPersonName(text: string, knownNames: readonly string[] = []): string | null {
  if (!LETTER.test(text)) return null;
  const hits: Hit[] = [];
  for (const name of knownNames) {
    if (/\s/u.test(name.trim())) {
      const hit = fullNameHit(text, name);
      if (hit) hits.push(hit);
    }
  }
  const word = firstNameHit(text, firstNamesOf(knownNames));
  if (word) hits.push(word);
  if (hits.length === 0) return null;
  // The earliest, and of two at the same place the longer (the full name rather than its first name).
  hits.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  return hits[0]?.text ?? null;
}
