/**
 * A synthetic ten-year archive for benchmarks: 50 forums (ten schools with five forums each), 5,000
 * meetings, 60,000 agenda items, 30,000 decisions and 40,000 actions, with Danish text built from the
 * words these meetings use (arbejdsmiljø, fravær, forberedelsestid, tilsyn, APV, co-teaching …).
 *
 * It is a fixture, not a user's archive: rows go in with prepared INSERTs in one transaction, not
 * through the services, and the same seed always gives the same archive. The file is written at schema
 * version 4, the last one without search, so that opening a copy measures what a user with ten years of
 * meetings waits for on the upgrade: the backup, migration 005's backfill and the index build.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openArchive } from '../../electron/archive/open';
import { DEFAULT_COLOURS, type ColourKey } from '../../shared/domain/colours';

export const BENCH_ARCHIVE = join('.cache', 'bench', 'archive-10aar.sqlite');
/** Raise when the generated content changes, so a cached archive from an older generator is rebuilt. */
const GENERATOR_VERSION = 2;
/** The schema version the fixture is written at. */
export const FIXTURE_SCHEMA = 4;

export const SIZE = {
  forums: 50,
  meetingsPerForum: 100,
  itemsPerMeeting: 12,
  decisionsPerMeeting: 6,
  actionsPerMeeting: 8,
} as const;

const SCHOOLS = [
  'Bøgely Skole',
  'Egeskolen',
  'Søndervangskolen',
  'Åbyskolen',
  'Østervang Skole',
  'Skovløkkeskolen',
  'Nørrebakke Skole',
  'Lærkeskolen',
  'Fjordskolen',
  'Højvangskolen',
];
const FORUMS = [
  ['trio', 'TRIO'],
  ['udviklingsraad', 'Udviklingsråd'],
  ['praksisforum', 'Praksisforum'],
  ['lyttemoede', 'Lyttemøde'],
  ['stormoede', 'Personalemøde'],
] as const;

/**
 * Topics as written in a title, and as the text refers to them. Ten years of meetings touch many
 * subjects; each document is about one or two of them, so a topic word is in a few per cent of the
 * archive, as in a real one, and the sentences around the topics use the general words of meetings.
 */
const TOPICS = [
  ['Arbejdsmiljø', 'arbejdsmiljøet'],
  ['Sygefravær', 'sygefraværet'],
  ['Elevfravær', 'fraværstallene'],
  ['Forberedelsestid', 'forberedelsestiden'],
  ['Fælles forberedelse i teamene', 'den fælles forberedelse'],
  ['Tilsyn i frikvartererne', 'tilsynet'],
  ['Skemalægning', 'skemalægningen'],
  ['Teamsamarbejde', 'teamsamarbejdet'],
  ['APV-opfølgning', 'APV-handleplanen'],
  ['Co-teaching', 'co-teaching'],
  ['Inklusion', 'inklusionen'],
  ['Budget', 'budgettet'],
  ['Fagfordeling', 'fagfordelingen'],
  ['Vikardækning', 'vikardækningen'],
  ['Trivselsmåling', 'trivselsmålingen'],
  ['Mødestruktur', 'mødestrukturen'],
  ['Understøttende undervisning', 'den understøttende undervisning'],
  ['Skole-hjem-samarbejde', 'skole-hjem-samarbejdet'],
  ['Kompetenceudvikling', 'kompetenceudviklingen'],
  ['Lejrskole', 'lejrskolen'],
  ['Opgaveoversigt', 'opgaveoversigten'],
  ['Arbejdstidsaftale', 'arbejdstidsaftalen'],
  ['Indeklima', 'indeklimaet'],
  ['Støj i klasserne', 'støjen i klasserne'],
  ['Lokalefordeling', 'lokalefordelingen'],
  ['It-udstyr', 'it-udstyret'],
  ['Læsevejledning', 'læsevejledningen'],
  ['Specialundervisning', 'specialundervisningen'],
  ['Overgang fra børnehave', 'overgangen fra børnehave'],
  ['Nationale test', 'de nationale test'],
  ['Valgfag i udskolingen', 'valgfagene'],
  ['SFO-åbningstider', 'åbningstiderne i SFO’en'],
  ['Rekruttering', 'rekrutteringen'],
  ['Mentorordning for nyansatte', 'mentorordningen'],
  ['Kvalitetsrapport', 'kvalitetsrapporten'],
  ['Ferieplan', 'ferieplanen'],
  ['Besparelser', 'besparelserne'],
  ['Elevråd', 'elevrådet'],
  ['Forældremøder', 'forældremøderne'],
  ['Prøver i 9. klasse', 'prøveafviklingen'],
  ['Trivsel i indskolingen', 'trivslen i indskolingen'],
  ['Mobning og digital adfærd', 'mobbehandleplanen'],
  ['Udeskole', 'udeskolen'],
  ['Bevægelse i undervisningen', 'bevægelsen i timerne'],
  ['Holddannelse', 'holddannelsen'],
  ['Tolærerordning', 'tolærerordningen'],
  ['Klasselærerfunktion', 'klasselærerfunktionen'],
  ['Tværfaglige forløb', 'de tværfaglige forløb'],
  ['Emneuge', 'emneugen'],
  ['Motionsdag', 'motionsdagen'],
  ['Juleafslutning', 'juleafslutningen'],
  ['Dimission', 'dimissionen'],
  ['Skolefoto', 'skolefotograferingen'],
  ['Kantineordning', 'kantineordningen'],
  ['Rengøring', 'rengøringen'],
  ['Legepladsen', 'legepladsen'],
  ['Cykelparkering', 'cykelparkeringen'],
  ['Trafiksikkerhed', 'trafiksikkerheden'],
  ['Brandøvelse', 'brandøvelsen'],
  ['Beredskabsplan', 'beredskabsplanen'],
  ['Persondata og GDPR', 'reglerne for persondata'],
  ['Aula og kommunikation', 'beskederne på Aula'],
  ['Forældrekontakt', 'forældrekontakten'],
  ['Elevsamtaler', 'elevsamtalerne'],
  ['Uddannelsesparathed', 'uddannelsesparatheden'],
  ['Praktik i 8. klasse', 'praktikforløbet'],
  ['Brobygning', 'brobygningen'],
  ['Ordblindeundervisning', 'ordblindeindsatsen'],
  ['Dansk som andetsprog', 'sprogstøtten'],
  ['Matematikvejledning', 'matematikvejledningen'],
  ['Naturfagsstrategi', 'naturfagsstrategien'],
  ['Biblioteket', 'skolebiblioteket'],
  ['Musikskolen', 'samarbejdet med musikskolen'],
  ['Idrætsfaciliteter', 'idrætshallen'],
  ['Svømmeundervisning', 'svømmeundervisningen'],
  ['Pædagogisk læreplan', 'læreplanen'],
  ['Lektiecafé', 'lektiecaféen'],
  ['Seniorordning', 'seniorordningen'],
  ['Nedsat tid', 'aftalerne om nedsat tid'],
  ['Lønforhandling', 'lønforhandlingen'],
  ['Ny skoleleder', 'ledelsesskiftet'],
  ['Pædagogiske dage', 'de pædagogiske dage'],
  ['Evaluering af skoleåret', 'evalueringen af skoleåret'],
  ['Årsplaner', 'årsplanerne'],
  ['Elevplaner', 'elevplanerne'],
  ['Ekskursioner', 'ekskursionerne'],
  ['Skolebestyrelsens principper', 'principperne'],
  ['Hjemmearbejdsdage', 'hjemmearbejdsdagene'],
  ['Gæstelærere', 'gæstelærerne'],
] as const;

const GROUPS = [
  'indskolingen',
  'mellemtrinnet',
  'udskolingen',
  'SFO’en',
  'specialklasserne',
  'lærerteamet',
  'pædagogerne',
  'ledelsen',
  'forvaltningen',
  'skolebestyrelsen',
  'årgangsteamene',
  'AMR-gruppen',
  'de nyansatte',
  'teamkoordinatorerne',
  'elevrådet',
  'forældrerådet',
];
const WHEN = ['før jul', 'efter vinterferien', 'fra januar', 'til sommerferien', 'i næste skoleår', 'fra august', 'inden påske', 'i efteråret', 'over de næste måneder'];
const SOURCES = ['sidste møde', 'teamenes input', 'forvaltningens udmelding', 'sidste års evaluering', 'en henvendelse fra forældre', 'en runde i personalegruppen', 'tallene fra kommunen'];
const PEOPLE = [
  'Mette Lund',
  'Jonas Holm',
  'Sara Nielsen',
  'Ali Hassan',
  'Birgitte Sørensen',
  'Søren Østergaard',
  'Åse Mortensen',
  'Kasper Frederiksen',
  'Lærke Jønsson',
  'Fatima Ahmadi',
  'Niels Kjær',
  'Teamkoordinatorerne',
  'TR',
  'AMR',
];

type Pick = <T>(list: readonly T[]) => T;
/** A sentence about topic t; o is another topic the sentence may mention in passing. */
type Sentence = (p: Pick, t: string, o: string) => string;

const BACKGROUND: Sentence[] = [
  (p, t) => `${cap(t)} i ${p(GROUPS)} drøftes på baggrund af ${p(SOURCES)}.`,
  (p, t) => `Der er brug for en fælles forståelse af ${t} ${p(WHEN)}.`,
  (p, t) => `${cap(p(GROUPS))} oplever, at ${t} fylder mere end sidste år, især i de travle uger.`,
  (p, t) => `Ledelsen foreslår, at ${t} håndteres af ${p(GROUPS)} ${p(WHEN)}.`,
  (p, t) => `TR og AMR har samlet input fra ${p(GROUPS)} om ${t}; svarene peger i forskellige retninger.`,
  (_p, t, o) => `Forvaltningen har meldt nye rammer ud for ${t}, og det påvirker ${o}.`,
  (_p, t) => `Målet er, at ${t} giver mening for både børn og voksne.`,
  (p, t, o) => `Sagen om ${t} hænger sammen med ${o} i ${p(GROUPS)}.`,
];
const NOTES: Sentence[] = [
  (p, t) => `Runden viste, at ${p(GROUPS)} ser ${t} som den største udfordring lige nu.`,
  (p) => `${p(PEOPLE)} fortalte om erfaringerne fra ${p(GROUPS)}, og der kom mange spørgsmål.`,
  (_p, t) => `Flere pegede på, at ${t} kræver tid, ikke kun en ny plan.`,
  (p) => `Der var enighed om at vente på ${p(SOURCES)}, før der besluttes noget.`,
  (_p, t, o) => `AMR bad om, at ${t} også ses i lyset af ${o}.`,
];
const DECISION: Sentence[] = [
  (p, t) => `${cap(t)} i ${p(GROUPS)} ændres ${p(WHEN)}, og ordningen evalueres før sommerferien.`,
  (p, t) => `Forummet er enige om, at ${t} prioriteres ${p(WHEN)} inden for den nuværende ramme.`,
  (p, t) => `Ingen beslutning; ${p(GROUPS)} undersøger ${t} nærmere og melder tilbage på næste møde.`,
  (p, t, o) => `Ledelsen fastholder ${t}, men ${p(GROUPS)} får mere tid til ${o} ${p(WHEN)}.`,
];
const DISSENT: Sentence[] = [
  (_p, t) => `TR (lærere): Vi er imod, fordi ${t} rammer de yngste elever først.`,
  (p) => `TR (pædagoger): Pædagogerne kan ikke deltage tirsdag på grund af SFO-åbningen i ${p(GROUPS)}.`,
  (_p, _t, o) => `AMR: Betydningen for ${o} er ikke vurderet godt nok endnu.`,
];
const FAIR: Sentence[] = [
  (_p, _t, o) => `Beslutningen hænger sammen med ${o}.`,
  (p) => `Alle teams gav skriftligt input, og ${p(PEOPLE)} samlede svarene.`,
  (_p, t) => `Den valgte model for ${t} gav færrest huller og mindst ekstra tid for den enkelte.`,
  (p) => `Pauserne flyttes fem minutter for ${p(GROUPS)}, så der er voksne nok.`,
  (_p, t) => `Der er ingen ekstra timer til ${t}, og rammen ligger fast.`,
  (p) => `${p(PEOPLE)} laver en plan; ledelsen melder den ud til alle medarbejdere.`,
];
const ACTION: Sentence[] = [
  (p, t) => `Sende oplæg om ${t} til ${p(GROUPS)}`,
  (p, t) => `Indkalde ${p(GROUPS)} til et kort møde om ${t}`,
  (_p, t) => `Opdatere planen for ${t}`,
  (p, t) => `Samle input om ${t} fra ${p(GROUPS)}`,
  (p, t) => `Følge op på ${t} i ${p(GROUPS)}`,
  (p, t) => `Trække tal for ${t} i ${p(GROUPS)}`,
];

function cap(text: string): string {
  return text.charAt(0).toLocaleUpperCase('da-DK') + text.slice(1);
}

/** mulberry32: small, fast and good enough to make the same archive every time. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Ids of the same shape as the app's (the API checks them): the kind in the first group, a counter last. */
function idOf(kind: number, n: number): string {
  return `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
export const forumIdOf = (n: number) => idOf(1, n);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Ten school years from August 2016: the n-th meeting of a forum, monthly except July, on a weekday. */
function meetingStart(n: number, forum: number): string {
  const monthIndex = Math.floor((n * 11) / 10);
  const year = 2016 + Math.floor((monthIndex + 7) / 12);
  const month = ((monthIndex + 7) % 12) + 1;
  const day = 2 + ((forum * 3 + n * 7) % 25);
  return `${year}-${pad(month === 7 ? 8 : month)}-${pad(day)}T${pad(13 + (forum % 3))}:${forum % 2 === 0 ? '00' : '30'}`;
}

export interface BenchArchiveInfo {
  path: string;
  built: boolean;
  buildMs: number;
}

/** Returns the cached archive, building it first when it is missing or not what this generator writes. */
export function ensureBenchArchive(path = BENCH_ARCHIVE): BenchArchiveInfo {
  const stamp = `${path}.generator`;
  if (existsSync(path) && existsSync(stamp) && readFileSync(stamp, 'utf8') === String(GENERATOR_VERSION) && isComplete(path)) {
    return { path, built: false, buildMs: 0 };
  }
  const started = performance.now();
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.bygges`;
  for (const file of [partial, `${partial}-wal`, `${partial}-shm`]) rmSync(file, { force: true });
  build(partial);
  for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
  renameSync(partial, path);
  writeFileSync(stamp, String(GENERATOR_VERSION));
  return { path, built: true, buildMs: performance.now() - started };
}

/** A cached file that was opened by a newer app (migrated past the fixture's schema) is built anew. */
function isComplete(path: string): boolean {
  try {
    const archive = openArchive(path, { targetVersion: FIXTURE_SCHEMA });
    const version = archive.db.pragma('user_version', { simple: true });
    archive.close();
    return version === FIXTURE_SCHEMA;
  } catch {
    return false;
  }
}

function build(path: string): void {
  const archive = openArchive(path, { targetVersion: FIXTURE_SCHEMA });
  const { db } = archive;
  const next = random(20260101);
  const pick: Pick = (list) => list[Math.floor(next() * list.length)] as (typeof list)[number];
  const chance = (p: number) => next() < p;
  const other = () => pick(TOPICS)[1];
  const sentence = (templates: readonly Sentence[], topic: string) => pick(templates)(pick, chance(0.8) ? topic : other(), other());
  const sentences = (templates: readonly Sentence[], topic: string, count: number) =>
    Array.from({ length: count }, () => sentence(templates, topic)).join(' ');

  const insertForum = db.prepare(
    `INSERT INTO forum (id, kind, name, school, purpose, created_at) VALUES (?, ?, ?, ?, ?, '2016-06-01T08:00:00.000Z')`,
  );
  const insertColour = db.prepare(
    'INSERT INTO forum_colour (forum_id, colour, label, code, shape, meaning, hex, text_hex) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertMeeting = db.prepare(
    `INSERT INTO meeting (id, forum_id, title, starts_at, duration_minutes, place, purpose, status, run_phase, created_at)
     VALUES (?, ?, ?, ?, 90, 'Mødelokale 2', ?, 'afholdt', 'afsluttet', ?)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO agenda_item (id, meeting_id, position, title, type, minutes, announced_colour, owner, background, confidential, notes, run_state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'faerdig')`,
  );
  const insertDecision = db.prepare(
    `INSERT INTO decision (id, item_id, colour, text, dissent, decided_by, involve_context, involve_how, explain_reasoning,
                           explain_constraints, expect_given, recorded_at, final_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAction = db.prepare(
    `INSERT INTO action (id, forum_id, item_id, meeting_id, what, who, due, status, term, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const colourKeys = DEFAULT_COLOURS.map((c) => c.key);
  const types = ['droeftelse', 'orientering', 'beslutning', 'opfoelgning'] as const;
  let meetingNo = 0;
  let itemNo = 0;
  let decisionNo = 0;
  let actionNo = 0;

  db.transaction(() => {
    for (let f = 0; f < SIZE.forums; f++) {
      const forumId = forumIdOf(f);
      const [kind, name] = FORUMS[f % FORUMS.length] ?? FORUMS[0];
      const school = SCHOOLS[Math.floor(f / FORUMS.length)] ?? SCHOOLS[0];
      insertForum.run(forumId, kind, name, school, `${name} på ${school} drøfter arbejdsvilkår og arbejdsmiljø tæt på kerneopgaven.`);
      for (const c of DEFAULT_COLOURS) insertColour.run(forumId, c.key, c.label, c.code, c.shape, c.meaning, c.hex, c.textHex);

      for (let n = 0; n < SIZE.meetingsPerForum; n++) {
        const meetingId = idOf(2, meetingNo++);
        const startsAt = meetingStart(n, f);
        const mainTopics = [pick(TOPICS), pick(TOPICS)];
        insertMeeting.run(
          meetingId,
          forumId,
          `${name}-møde ${startsAt.slice(0, 7)}`,
          startsAt,
          `Vi følger op på ${mainTopics[0]?.[1] ?? ''} og drøfter ${mainTopics[1]?.[1] ?? ''}.`,
          `${startsAt}:00.000Z`,
        );
        for (let position = 1; position <= SIZE.itemsPerMeeting; position++) {
          const itemId = idOf(3, itemNo++);
          const [title, topic] = position <= 2 && mainTopics[position - 1] ? (mainTopics[position - 1] as (typeof TOPICS)[number]) : pick(TOPICS);
          // Items 2–7 are the meeting's decisions; the rest are talks, briefings and follow-ups.
          const decided = position >= 2 && position < 2 + SIZE.decisionsPerMeeting;
          const type = decided ? 'beslutning' : pick(types.filter((t) => t !== 'beslutning'));
          const announced: ColourKey | null = decided || chance(0.3) ? pick(colourKeys) : null;
          const confidential = chance(0.03) ? 1 : 0;
          insertItem.run(
            itemId,
            meetingId,
            position,
            confidential ? `Personalesag: ${topic}` : `${title}${chance(0.4) ? ` i ${pick(GROUPS)}` : ''}`,
            type,
            5 + Math.floor(next() * 5) * 5,
            announced,
            pick(PEOPLE),
            sentences(BACKGROUND, topic, 1 + Math.floor(next() * 3)),
            confidential,
            chance(0.7) ? sentences(NOTES, topic, 1 + Math.floor(next() * 3)) : '',
          );
          if (decided) {
            const colour = chance(0.1) ? pick(colourKeys) : (announced as ColourKey);
            const fair = chance(0.5);
            insertDecision.run(
              idOf(4, decisionNo++),
              itemId,
              colour,
              sentences(DECISION, topic, 1 + Math.floor(next() * 2)),
              chance(0.2) ? sentence(DISSENT, topic) : '',
              chance(0.5) ? 'Skolelederen efter høring af TRIO' : '',
              fair ? sentence(FAIR, topic) : '',
              fair ? sentence(FAIR, topic) : '',
              fair ? sentence(FAIR, topic) : '',
              fair ? sentence(FAIR, topic) : '',
              fair ? sentence(FAIR, topic) : '',
              `${startsAt}:00.000Z`,
              `${startsAt}:00.000Z`,
            );
          }
          // Eight actions per meeting, from its first eight items.
          if (position <= SIZE.actionsPerMeeting) {
            insertAction.run(
              idOf(5, actionNo++),
              forumId,
              itemId,
              meetingId,
              pick(ACTION)(pick, topic, other()),
              pick(PEOPLE),
              chance(0.8) ? startsAt.slice(0, 10) : null,
              chance(0.9) ? 'udfoert' : 'aaben',
              chance(0.7) ? 'kort' : 'lang',
              `${startsAt}:00.000Z`,
            );
          }
        }
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  archive.close();
}

/** How many of each the fixture holds, for the bench's table. */
export function fixtureCounts(): Record<string, number> {
  const meetings = SIZE.forums * SIZE.meetingsPerForum;
  return {
    forums: SIZE.forums,
    meetings,
    items: meetings * SIZE.itemsPerMeeting,
    decisions: meetings * SIZE.decisionsPerMeeting,
    actions: meetings * SIZE.actionsPerMeeting,
  };
}
