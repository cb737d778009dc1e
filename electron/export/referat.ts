/**
 * The referat as a Word file, laid out the way a good municipal secretary would do it by hand: title block
 * with version and approval, participants, purpose, follow-up from last time, numbered items with colour,
 * decision, Fair Proces reasoning and dissent, the actions table, next meeting, check-out, the version
 * history and the colour legend.
 *
 * Two variants come from one meeting. 'delt' (shared with staff) is built from the meeting's shared view
 * (electron/services/redaction), in which a confidential item is a placeholder and its actions and history
 * lines are gone; the builder prints what it is given and shows a confidential item only by its number.
 * 'fuld' holds everything and says FORTROLIGT on every page.
 *
 * A referat has many small paragraphs of the same kinds, so their look lives in named styles (Word's own
 * mechanism) rather than on every paragraph and run: smaller, faster files that are easy to restyle in Word.
 * The body, over a thousand runs for a long meeting, is written as XML text (wordml.ts), which is several
 * times faster than `docx`'s object model; `docx` writes the rest of the package.
 */
import { BorderStyle, Document, Packer, type IStylesOptions } from 'docx';
import type { ColourDefinition } from '../../shared/domain/colours';
import type { AgendaParticipant } from './dagsorden-model';
import type { ReferatAction, ReferatDecision, ReferatDocument, ReferatFairProces, ReferatFollowUp, ReferatItem } from './referat-model';
import {
  INK,
  SIZE,
  cleanText,
  colourBadgeStyles,
  documentStyles,
  formatDanishDate,
  formatDanishTime,
  formatDueDay,
  formatTimeRange,
  pageFooter,
  pageHeader,
  pageProperties,
  parseLocalDateTime,
  typeAddsToTitle,
} from './docx-common';
import { formatDanishDay } from './danishDay';
import { nameWithRole } from '../../shared/domain/roles';
import {
  colourBadge,
  heading,
  lineRuns,
  paragraph,
  plain,
  run,
  table,
  textBlocks,
  textParagraphs,
  wordDocument,
  type ParagraphLook,
  type Xml,
} from './wordml';

type Badge = (colour: ColourDefinition) => Xml[];

const CLOSED_ITEM = 'Lukket punkt';
const DRAFT_MARK = 'UDKAST – ikke godkendt';

/** Style ids; the names Word shows are Danish. */
const STYLE = {
  facts: 'Punktfakta',
  decision: 'Beslutning',
  fair: 'FairProces',
  fairCaption: 'FairProcesTitel',
  principle: 'FairProcesPrincip',
  fairLabel: 'FairProcesEtiket',
  label: 'Etiket',
  note: 'Punktnote',
} as const;

const REFERAT_PARAGRAPH_STYLES: NonNullable<IStylesOptions['paragraphStyles']> = [
  // Kept with what follows it paragraph by paragraph, not in the style: an item that ends with its facts line
  // would otherwise chain to the next item, and a run of such items would move to a new page as one block.
  { id: STYLE.facts, name: 'Punktfakta', basedOn: 'Normal', run: { color: INK.muted } },
  { id: STYLE.decision, name: 'Beslutning', basedOn: 'Normal', run: { bold: true }, paragraph: { spacing: { before: 120 } } },
  { id: STYLE.note, name: 'Punktnote', basedOn: 'Normal', run: { bold: true, italics: true }, paragraph: { spacing: { before: 120 } } },
  {
    // A grey rule on the left holds the reasoning together as one compact block under the decision.
    id: STYLE.fair,
    name: 'Fair Proces',
    basedOn: 'Normal',
    paragraph: {
      border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'BFBFBF', space: 8 } },
      indent: { left: 227 },
      spacing: { before: 60, after: 0 },
      keepLines: true,
    },
  },
  {
    id: STYLE.fairCaption,
    name: 'Fair Proces-titel',
    basedOn: STYLE.fair,
    next: STYLE.fair,
    run: { bold: true, size: SIZE.small, color: INK.muted },
    paragraph: { spacing: { before: 160 }, keepNext: true },
  },
];

const REFERAT_CHARACTER_STYLES: NonNullable<IStylesOptions['characterStyles']> = [
  { id: STYLE.label, name: 'Etiket', basedOn: 'DefaultParagraphFont', run: { bold: true } },
  { id: STYLE.principle, name: 'Fair Proces-princip', basedOn: 'DefaultParagraphFont', run: { bold: true, color: INK.heading } },
  { id: STYLE.fairLabel, name: 'Fair Proces-etiket', basedOn: 'DefaultParagraphFont', run: { italics: true, color: INK.muted } },
];

/** Styles depend only on the forum's colours, so they are built once per colour model, not per referat. */
const stylesByColours = new Map<string, IStylesOptions>();

function referatStyles(colours: readonly ColourDefinition[]): IStylesOptions {
  const key = colours.map((c) => `${c.key}|${c.label}|${c.hex}|${c.textHex}`).join('\n');
  let styles = stylesByColours.get(key);
  if (styles === undefined) {
    styles = {
      ...documentStyles,
      paragraphStyles: REFERAT_PARAGRAPH_STYLES,
      characterStyles: [...REFERAT_CHARACTER_STYLES, ...colourBadgeStyles(colours)],
    };
    // A handful of colour models exist in practice; the cap only guards against unbounded growth.
    if (stylesByColours.size > 50) stylesByColours.clear();
    stylesByColours.set(key, styles);
  }
  return styles;
}

export async function buildReferat(doc: ReferatDocument): Promise<Buffer> {
  const start = parseLocalDateTime(doc.startsAt);
  const date = formatDanishDate(start);
  const full = doc.variant === 'fuld';
  const draft = doc.version.status === 'udkast';
  const badge: Badge = (colour) => colourBadge(colour, doc.colours);
  const document = new Document({
    creator: 'Samtalerum',
    // Only the forum and the date: item titles never go into the properties, which Explorer and mail clients show.
    title: cleanText(`Referat: ${doc.forumName}, ${date}`),
    subject: full ? 'Referat, fuld version (fortroligt)' : 'Referat',
    styles: referatStyles(doc.colours),
    sections: [
      {
        properties: pageProperties,
        headers: { default: pageHeader(`${doc.forumName} · ${date}`, full, draft) },
        footers: { default: pageFooter() },
        // The body is written below and replaces the empty one docx writes.
        children: [],
      },
    ],
  });
  const body = [
    ...titleBlock(doc, date, formatTimeRange(start, doc.durationMinutes)),
    ...participantsSection(doc.participants),
    ...purposeSection(doc.purpose),
    // When an item is the follow-up, the table stands under it, not once more as a section of its own.
    ...(doc.items.some((item) => item.listsFollowUp) ? [] : followUpSection(doc)),
    ...itemsSection(doc, badge),
    ...actionsSection(doc.actions, full),
    ...nextMeetingSection(doc.nextMeeting),
    ...checkoutSection(doc.checkout),
    ...historySection(doc),
    ...legendSection(doc.colours, badge),
  ];
  return Packer.toBuffer(document, false, [wordDocument(document, body)]);
}

// ---------------------------------------------------------------------------------------------- title block

function titleBlock(doc: ReferatDocument, date: string, time: string): Xml[] {
  const blocks = [
    paragraph([run(`${doc.school} · ${doc.forumKindLabel}`, { caps: true, color: INK.muted })], { spacing: { after: 0 } }),
    paragraph([run('Referat')], { style: 'Title', spacing: { after: 0 } }),
    paragraph([run(doc.title, { size: SIZE.subtitle })], { spacing: { after: 240 } }),
  ];
  if (doc.variant === 'fuld') {
    blocks.push(notice('FORTROLIGT. ', 'Fuld version med lukkede punkter. Den må ikke sendes videre til personalet.'));
  }
  if (doc.version.status === 'udkast') {
    blocks.push(notice(`${DRAFT_MARK}. `, 'Referatet kan stadig blive rettet, indtil det er godkendt.'));
  }
  const facts: [string, string][] = [
    ['Forum', doc.forumName],
    ['Dato', date],
    ['Tid', time],
    ['Sted', doc.place.trim() === '' ? 'Ikke oplyst' : doc.place],
    ['Version', versionLine(doc)],
  ];
  // A tab stop lines the values up like a hand-made form; the hanging indent keeps a long value aligned.
  for (const [label, value] of facts) {
    blocks.push(paragraph([run(label, { style: STYLE.label }), run(value, {}, 'tab')], { tabStop: 1200, spacing: { after: 40 }, hanging: 1200 }));
  }
  return blocks;
}

function notice(mark: string, text: string): Xml {
  return paragraph([run(mark, { bold: true, color: INK.confidential }), run(text)], { spacing: { after: 240 } });
}

/** "Version 2 · godkendt 3. december 2026 af Mette Lund (Skoleleder) og Jonas Holm (TR)" */
function versionLine(doc: ReferatDocument): string {
  const { number, status, approvedAt, approvedBy } = doc.version;
  if (status === 'udkast') return `Version ${number} · ${DRAFT_MARK}`;
  const when = approvedAt ? ` ${formatMoment(approvedAt)}` : '';
  const who = approvedBy.length > 0 ? ` af ${danishList(approvedBy.map((p) => nameWithRole(p.name, p.role)))}` : '';
  return `Version ${number} · godkendt${when}${who}`;
}

/** "a, b og c" */
function danishList(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} og ${parts[parts.length - 1]}`;
}

/**
 * A day as "3. december 2026" from what the archive stores: 'YYYY-MM-DD', local 'YYYY-MM-DDTHH:mm', or an
 * ISO timestamp with a zone, which is shown as the local day. Anything else is printed as given.
 */
function formatMoment(value: string): string {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return formatDanishDay(trimmed);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(trimmed)) return formatDanishDay(trimmed.slice(0, 10));
  if (/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/.test(trimmed)) {
    const date = new Date(trimmed);
    if (!Number.isNaN(date.getTime())) {
      const pad = (n: number) => String(n).padStart(2, '0');
      return formatDanishDay(`${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`);
    }
  }
  return trimmed;
}

// ------------------------------------------------------------------------------------ participants, purpose

function participantsSection(participants: AgendaParticipant[]): Xml[] {
  const present = participants.filter((p) => p.status === 'deltager');
  const absent = participants.filter((p) => p.status === 'afbud');
  const blocks = [heading('Deltagere', 1)];
  if (present.length === 0) {
    blocks.push(plain('Der er ikke registreret deltagere.'));
  } else {
    blocks.push(
      table(
        ['Navn', 'Rolle', 'Opgave på mødet'],
        present.map((p) => [p.name, p.role, meetingTasks(p)]),
        [0.38, 0.32, 0.3],
      ),
    );
  }
  const absentText = absent.length === 0 ? 'Ingen.' : absent.map((p) => nameWithRole(p.name, p.role)).join(', ');
  const facilitators = participants.filter((p) => p.facilitator).map((p) => p.name);
  const referents = participants.filter((p) => p.referent).map((p) => p.name);
  blocks.push(
    labelledLine('Afbud: ', absentText, { before: 160, after: 40 }),
    labelledLine('Facilitator: ', facilitators.length > 0 ? danishList(facilitators) : 'Ikke angivet', { after: 40 }),
    labelledLine('Referent: ', referents.length > 0 ? danishList(referents) : 'Ikke angivet'),
  );
  return blocks;
}

function labelledLine(label: string, value: string, spacing?: ParagraphLook['spacing']): Xml {
  return paragraph([run(label, { style: STYLE.label }), run(value)], { spacing });
}

function meetingTasks(participant: AgendaParticipant): string {
  const tasks = [participant.facilitator ? 'facilitator' : '', participant.referent ? 'referent' : '']
    .filter((task) => task !== '')
    .join(' og ');
  return tasks.charAt(0).toUpperCase() + tasks.slice(1);
}

function purposeSection(purpose: string): Xml[] {
  const text = textParagraphs(purpose);
  return text.length === 0 ? [] : [heading('Formål med mødet', 1), ...text];
}

function followUpSection(doc: ReferatDocument): Xml[] {
  return [heading('Opfølgning fra sidst', 1), ...followUpContent(doc)];
}

function followUpContent(doc: ReferatDocument): Xml[] {
  const done = doneSinceLast(doc.doneSinceLast);
  if (doc.followUp.length === 0) return [plain('Der var ingen åbne opgaver at følge op på fra sidste møde.'), ...done];
  // Wide enough for the longest date («30. september 2026») and status («Forsinket») on one line.
  return [
    table(['Hvad', 'Hvem', 'Frist', 'Status'], doc.followUp.map((f) => [withHistory(f), f.who, formatDueDay(f.due), f.status]), [0.38, 0.2, 0.25, 0.17]),
    ...done,
  ];
}

/**
 * What was done between the meetings, so it is not silently gone from the list; left out when nothing was.
 * A bold lead-in kept with its table, not a heading: it may stand inside the follow-up item.
 */
function doneSinceLast(done: ReferatFollowUp[]): Xml[] {
  if (done.length === 0) return [];
  return [paragraph([run('Udført siden sidst', { bold: true })], { keepNext: true }), table(['Hvad', 'Hvem', 'Frist'], done.map((f) => [withHistory(f), f.who, formatDueDay(f.due)]), [0.58, 0.2, 0.22])];
}

/** The action, then its dated history, a paragraph each, so a problem followed «til dørs» shows its way there. */
function withHistory(action: ReferatFollowUp): string {
  return [action.what, ...action.history.map((line) => `– ${line}`)].join('\n\n');
}

// ------------------------------------------------------------------------------------------------ items

function itemsSection(doc: ReferatDocument, badge: Badge): Xml[] {
  const blocks = [heading('Punkter', 1)];
  if (doc.items.length === 0) blocks.push(plain('Der var ingen punkter på mødet.'));
  for (const item of doc.items) {
    if (item.confidential && doc.variant === 'delt') blocks.push(...closedItem(item));
    else blocks.push(...itemBlock(item, badge, item.listsFollowUp ? followUpContent(doc) : []));
  }
  return blocks;
}

/** The placeholder the shared view gives: its number and «Lukket punkt», no type, owner or colour. */
function closedItem(item: ReferatItem): Xml[] {
  return [heading(`${item.number}. ${item.title}`, 2), paragraph([run('Punktet blev behandlet fortroligt.', { italics: true })], { style: STYLE.facts })];
}

/** `followUp` is the «Opfølgning fra sidst» table when this item is where it is gone through. */
function itemBlock(item: ReferatItem, badge: Badge, followUp: Xml[]): Xml[] {
  const title = item.confidential ? `${item.title} (${CLOSED_ITEM})` : item.title;
  const facts = [typeAddsToTitle(item.typeLabel, item.title) ? item.typeLabel : '', item.owner.trim() === '' ? '' : `Ansvarlig: ${item.owner}`].filter(
    (fact) => fact.trim() !== '',
  );
  const content: Xml[] = [];
  if (item.sag) content.push(paragraph([run(`Del af sagen «${item.sag.title}». `, { bold: true }), run(item.sag.earlier)]));
  // A missing forvarsel or consent is marked with a sign and in bold, never by colour alone.
  for (const norm of item.norms ?? []) content.push(paragraph([norm.missing ? run(`⚠ ${norm.text}`, { bold: true }) : run(norm.text)]));
  content.push(...followUp, ...textParagraphs(item.summary));
  if (item.decision) content.push(...decisionBlock(item.decision, item.announcedColour, badge));
  if (item.outcomeNote.trim() !== '') content.push(...writtenParagraphs(item.outcomeNote, [], STYLE.note));
  const blocks = [heading(`${item.number}. ${title}`, 2)];
  if (facts.length > 0 || item.announcedColour) {
    const runs = [run(facts.join(' · '))];
    if (item.announcedColour) runs.push(run(facts.length > 0 ? ' · Farve meldt ud: ' : 'Farve meldt ud: '), ...badge(item.announcedColour));
    blocks.push(paragraph(runs, { style: STYLE.facts, keepNext: content.length > 0 }));
  }
  return [...blocks, ...content];
}

function decisionBlock(decision: ReferatDecision, announced: ColourDefinition | null, badge: Badge): Xml[] {
  const unresolved = decision.outcome === 'afklaring_uden_enighed';
  const lead = decision.colour ? [...badge(decision.colour), run(' ')] : [];
  lead.push(run(unresolved ? 'Afklaring uden enighed: ' : 'Beslutning: '));
  const text = decision.text.trim() === '' ? (unresolved ? 'Forummet nåede ikke til enighed.' : 'Ikke skrevet.') : decision.text;
  const blocks = writtenParagraphs(text, lead, STYLE.decision);
  if (unresolved) {
    const note = 'Punktet er afklaret, men der er ikke enighed. Synspunkterne er noteret, og referatet kan ikke læses som en fælles beslutning.';
    blocks.push(paragraph([run(note, { italics: true })], { style: STYLE.facts }));
  }
  if (decision.colour && announced && decision.colour.key !== announced.key) {
    const reason = decision.colourReason.trim() === '' ? 'Ingen begrundelse er skrevet.' : decision.colourReason;
    blocks.push(
      ...writtenParagraphs(reason, [
        run('Farven blev ændret ', { style: STYLE.label }),
        run('fra '),
        ...badge(announced),
        run(' til '),
        ...badge(decision.colour),
        run('. Begrundelse: '),
      ]),
    );
  }
  if (decision.decidedBy.trim() !== '') blocks.push(labelledLine('Hvem beslutter: ', decision.decidedBy));
  blocks.push(...fairProcesBlock(decision.fair));
  for (const dissent of decision.dissents) {
    const lead = `${dissent.kind}${dissent.by === '' ? '' : ` fra ${dissent.by}`}: `;
    blocks.push(...writtenParagraphs(dissent.text, [run(lead, { style: STYLE.label })], undefined, { before: 120 }));
  }
  return blocks;
}

const FAIR_PROCES: { principle: string; fields: [keyof ReferatFairProces, string][] }[] = [
  {
    principle: 'Involvér',
    fields: [
      ['involveContext', 'Sammenhæng'],
      ['involveNeed', 'Hvorfor nu'],
      ['involveHow', 'Hvordan inddraget'],
    ],
  },
  {
    principle: 'Forklar',
    fields: [
      ['explainReasoning', 'Mellemregninger'],
      ['explainCompromises', 'Kompromiser'],
      ['explainConstraints', 'Bindinger'],
    ],
  },
  {
    principle: 'Præcisér forventninger',
    fields: [
      ['expectGiven', 'Givet'],
      ['expectOpen', 'Til diskussion'],
      ['expectOfWhom', 'Forventet af hvem'],
    ],
  },
];

/** Involvér / Forklar / Præcisér forventninger: one paragraph each, one line per field that was filled in. */
function fairProcesBlock(fair: ReferatFairProces): Xml[] {
  const blocks: Xml[] = [];
  for (const { principle, fields } of FAIR_PROCES) {
    const filled = fields.filter(([key]) => fair[key].trim() !== '');
    if (filled.length === 0) continue;
    const runs = [run(principle, { style: STYLE.principle })];
    for (const [key, label] of filled) {
      // Blank lines inside a field are dropped: the field stays one block under its label.
      runs.push(run(`${label}: `, { style: STYLE.fairLabel }, 'break'), ...lineRuns(textBlocks(fair[key]).flat()));
    }
    blocks.push(paragraph(runs, { style: STYLE.fair }));
  }
  if (blocks.length === 0) return [];
  return [paragraph([run('FAIR PROCES')], { style: STYLE.fairCaption }), ...blocks];
}

/**
 * The writer's text as paragraphs (blank lines split, single breaks kept) with `lead` runs, e.g. a label
 * or a badge, in front of the first one, which is there even when the text is empty.
 */
function writtenParagraphs(text: string, lead: Xml[], style?: string, spacing?: ParagraphLook['spacing']): Xml[] {
  const blocks = textBlocks(text);
  return (blocks.length === 0 ? [['']] : blocks).map((lines, index) =>
    paragraph(index === 0 ? [...lead, ...lineRuns(lines)] : lineRuns(lines), { style, spacing: index === 0 ? spacing : undefined }),
  );
}

// ------------------------------------------------------------------------- actions, next meeting, check-out

function actionsSection(actions: ReferatAction[], full: boolean): Xml[] {
  const title = heading('Handlinger', 1);
  if (actions.length === 0) return [title, plain('Mødet gav ingen nye handlinger.')];
  return [
    title,
    table(
      ['Hvad', 'Hvem', 'Hvornår', 'Status', 'Fra punkt'],
      actions.map((a) => [
        a.what,
        a.who,
        // The term under the date: one column fewer leaves room for long Danish words in «Hvad».
        `${formatDueDay(a.due)}\n${a.term}`,
        a.status,
        a.itemNumber === null ? 'Mødet' : full && a.confidential ? `${a.itemNumber} (lukket)` : String(a.itemNumber),
      ]),
      // Wide enough for the longest date and «Forsinket» on one line; what and who wrap between words.
      [0.32, 0.19, 0.25, 0.14, 0.1],
    ),
  ];
}

function nextMeetingSection(next: ReferatDocument['nextMeeting']): Xml[] {
  const title = heading('Næste møde', 1);
  if (next === null) return [title, plain('Næste møde er ikke fastlagt endnu.')];
  const start = parseLocalDateTime(next.startsAt);
  const place = next.place.trim() === '' ? '' : `, ${next.place}`;
  return [title, plain(`${capitalise(formatDanishDate(start))} ${formatDanishTime(start)}${place}.`)];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function checkoutSection(checkout: ReferatDocument['checkout']): Xml[] {
  const answered = checkout.filter((q) => q.answers.some((a) => a.count > 0));
  if (answered.length === 0) return [];
  const blocks = [heading('Check-out', 1)];
  // One small table per question: the answers across, the counts below, the total last.
  for (const question of answered) {
    const total = question.answers.reduce((sum, a) => sum + a.count, 0);
    const width = 1 / (question.answers.length + 1);
    blocks.push(
      paragraph([run(question.question, { style: STYLE.label })], { keepNext: true, spacing: { before: 120 } }),
      table(
        [...question.answers.map((a) => a.label), 'I alt'],
        [[...question.answers.map((a) => String(a.count)), String(total)]],
        Array.from({ length: question.answers.length + 1 }, () => width),
      ),
    );
  }
  return blocks;
}

// ------------------------------------------------------------------------------------ history and legend

/** Every earlier version, with when, why and what changed, so later edits are visible to all readers. */
function historySection(doc: ReferatDocument): Xml[] {
  const history = [...doc.version.history].sort((a, b) => a.version - b.version);
  const current = paragraph([run('Denne udgave: ', { style: STYLE.label }), run(versionLine(doc))], { keepNext: true });
  const blocks = [heading('Versioner', 1), current];
  if (history.length === 0) {
    blocks.push(plain('Der er ingen tidligere versioner.'));
    return blocks;
  }
  blocks.push(
    table(
      ['Version', 'Dato', 'Begrundelse', 'Ændringer'],
      history.map((h) => [
        String(h.version),
        formatMoment(h.at),
        h.note,
        h.changes.length === 0 ? 'Ikke angivet' : h.changes.map((change) => `• ${change}`).join('\n'),
      ]),
      [0.13, 0.19, 0.29, 0.39],
    ),
  );
  return blocks;
}

function legendSection(colours: readonly ColourDefinition[], badge: Badge): Xml[] {
  if (colours.length === 0) return [];
  return [
    heading('Farvekoder', 1),
    paragraph(
      [run('Farven meldes ud, når punktet sættes på dagsordenen, og står igen ved beslutningen. Skifter farven undervejs, står det i referatet hvorfor.')],
      { keepNext: true },
    ),
    table(
      ['Farve', 'Betydning'],
      colours.map((colour) => [[paragraph(badge(colour), { spacing: { after: 0 } })], colour.meaning]),
      [0.22, 0.78],
    ),
  ];
}
