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
  // Names common among colleagues whose families came from elsewhere
  'Fatima', 'Zainab', 'Aisha', 'Amina', 'Yasmin', 'Layla', 'Leila', 'Mariam', 'Maryam', 'Hiba', 'Nour', 'Noor', 'Sana',
  'Zahra', 'Ayse', 'Elif', 'Zeynep', 'Nadia', 'Lina', 'Huda', 'Agnieszka', 'Katarzyna', 'Olga', 'Irina', 'Natalia',
  'Hassan', 'Hussein', 'Mustafa', 'Ibrahim', 'Yusuf', 'Youssef', 'Khalid', 'Mehmet', 'Emre', 'Murat', 'Ahmad', 'Hamza',
  'Bilal', 'Karim', 'Tariq', 'Samir', 'Amir', 'Ismail', 'Abdullah', 'Piotr', 'Tomasz',
];

/**
 * Common Danish surnames. Said about a colleague («Nielsen tager aldrig telefonen») they point at one
 * person as surely as a first name. Any other capitalised word ending in -sen inside a sentence is taken
 * as a surname too.
 */
const COMMON_SURNAMES: ReadonlySet<string> = new Set([
  'hansen', 'jensen', 'nielsen', 'pedersen', 'andersen', 'christensen', 'larsen', 'sørensen', 'rasmussen', 'jørgensen',
  'petersen', 'madsen', 'kristensen', 'olsen', 'thomsen', 'christiansen', 'poulsen', 'johansen', 'møller', 'mortensen',
  'knudsen', 'jakobsen', 'jacobsen', 'mikkelsen', 'olesen', 'frederiksen', 'laursen', 'henriksen', 'schmidt', 'eriksen',
  'kristiansen', 'clausen', 'simonsen', 'svendsen', 'andreasen', 'iversen', 'jeppesen', 'vestergaard', 'østergaard',
  'nørgaard', 'mogensen', 'nissen', 'lauridsen', 'kjærgaard', 'bertelsen', 'danielsen', 'gregersen', 'sommer',
]);

/**
 * First names that are also ordinary Danish words (or months, which Danish writes in lower case), so a
 * capital letter at the start of a sentence says nothing about them.
 */
const ORDINARY_WORDS: ReadonlySet<string> = new Set([
  'per', 'bo', 'mark', 'maj', 'sol', 'ask', 'lærke', 'kim', 'hans', 'line', 'lise', 'bent', 'trine', 'storm', 'sten',
  'stig', 'kaj', 'birk', 'ravn', 'august', 'liv', 'max', 'dan', 'bjørn', 'svend', 'helle', 'ulla', 'else', 'rune',
  'ebbe', 'ane', 'mie', 'sune', 'tue', 'ib', 'asta', 'aksel', 'ove', 'jan', 'lene',
]);

/** Months that are names too; Danish writes months in lower case, but «i Maj» is a common slip. */
const MONTHS: ReadonlySet<string> = new Set(['maj', 'august']);

/**
 * What turns a name into the name of a place, a day or a thing: «Kaj Munk Skolen», «Ellen Hørups Skole»,
 * «H.C. Andersen Skolen», «Mortens aften». Checked on the first word after the capitalised run that
 * follows the name (or the name itself, for «Sankt Hans»).
 */
const INSTITUTION_ENDINGS = /(?:skole|skolen|skoles|skolens|gymnasium|gymnasiet|centret|centeret|kollegiet|hallen|fond|fonden|vej|vejs|gade|gades|plads)$|^aftens?$/u;
const SAINTS: ReadonlySet<string> = new Set(['sankt', 'skt']);

/**
 * Titles and roles a name follows: «hr. Bak», «skoleleder Nielsen», «kollegaen Birte». Only the short
 * titles take a full stop, so «… en skoleleder. Derfor …» is not read as a title and a name.
 */
const TITLES =
  /(?<!\p{L})(?:(?:[Hh]r|[Ff]ru|[Ff]rk)\.?|[Ff]røken|(?:[Ss]kole|[Vv]iceskole|[Aa]fdelings)leder(?:en)?|[Ss]ouschef(?:en)?|[Ll]ærer(?:en)?|[Pp]ædagog(?:en)?|[Ss]ekretær(?:en)?|[Pp]edel(?:len)?|[Kk]ollega(?:en)?|[Ii]nspektør(?:en)?)\s+(\p{Lu}\p{Ll}+)/gu;

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

/** The words of a text with where they start. */
function wordsOf(text: string): { word: string; index: number }[] {
  return [...text.matchAll(WORDS)].map((m) => ({ word: m[0], index: m.index }));
}

/**
 * Whether the name at word `at` is part of the name of a place, a day or a thing: «Kaj Munk Skolen»,
 * «Karen Blixen-forløbet», «Sankt Hans», «Mortens aften».
 */
function namesSomethingElse(text: string, words: { word: string; index: number }[], at: number): boolean {
  if (SAINTS.has(fold(words[at - 1]?.word ?? ''))) return true;
  for (let i = at; i < words.length && i <= at + 3; i += 1) {
    const current = words[i];
    if (current === undefined) break;
    const end = current.index + current.word.length;
    // «Blixen-forløbet»: the capitalised run ends in a compound with an ordinary word.
    if (text.charAt(end) === '-' && /^\p{Ll}/u.test(text.slice(end + 1))) return true;
    const following = words[i + 1];
    if (following === undefined) break;
    if (INSTITUTION_ENDINGS.test(fold(following.word)) && text.slice(end, following.index).trim() === '') return true;
    if (!isCapitalised(following.word)) break;
  }
  return false;
}

/** The name a word is, if any: itself, or without the genitive s («Hannes klasse»; «Hans» is a name of its own). */
function nameOf(folded: string, names: ReadonlySet<string>): string | null {
  if (names.has(folded)) return folded;
  return folded.endsWith('s') && names.has(folded.slice(0, -1)) ? folded.slice(0, -1) : null;
}

function firstNameHit(text: string, firstNames: ReadonlySet<string>): Hit | null {
  const words = wordsOf(text);
  for (const [at, { word, index }] of words.entries()) {
    const capitalised = isCapitalised(word);
    const folded = fold(word);
    // Typed fast, a name loses its capital («spørg mette»); names that are ordinary words only count with it.
    if (!capitalised && word !== folded) continue;
    const name = nameOf(folded, firstNames) ?? (capitalised ? surnameOf(folded, text, index) : null);
    if (name === null) continue;
    if (!capitalised && (ORDINARY_WORDS.has(name) || MONTHS.has(name))) continue;
    const after = nextWord(text, index + word.length);
    if (capitalised && MONTHS.has(name) && !AFTER_A_NAME.has(after)) continue;
    if (capitalised && ORDINARY_WORDS.has(name) && startsSentence(text, index) && !AFTER_A_NAME.has(after)) continue;
    if (capitalised && namesSomethingElse(text, words, at)) continue;
    return { index, text: word };
  }
  return null;
}

/** A surname: a common one anywhere, or any -sen name inside a sentence («spørg Bertelsen»). */
function surnameOf(folded: string, text: string, index: number): string | null {
  const name = nameOf(folded, COMMON_SURNAMES);
  if (name !== null) return name;
  return folded.length >= 6 && folded.endsWith('sen') && !startsSentence(text, index) ? folded : null;
}

/** A capitalised word after a title or role: «hr. Bak», «skoleleder Nielsen». */
function titledNameHit(text: string): Hit | null {
  for (const match of text.matchAll(TITLES)) {
    const name = match[1] ?? '';
    const index = (match.index ?? 0) + match[0].length - name.length;
    const words = wordsOf(text);
    const at = words.findIndex((w) => w.index === index);
    if (at >= 0 && namesSomethingElse(text, words, at)) continue;
    return { index, text: name };
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
  const titled = titledNameHit(text);
  if (titled) hits.push(titled);
  if (hits.length === 0) return null;
  // The earliest, and of two at the same place the longer (the full name rather than its first name).
  hits.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  return hits[0]?.text ?? null;
}
