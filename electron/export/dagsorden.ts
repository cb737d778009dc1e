/**
 * The dagsorden as a Word file: title block, participants, purpose, follow-up from last time, numbered
 * items with their announced colour, and the colour legend. The version sent out is built from the
 * meeting's shared view (electron/services/redaction), in which a confidential item keeps only number,
 * type and time; the builder prints what it is given.
 */
import { Document, Packer, Paragraph, Tab, TabStopType, TextRun, type Table } from 'docx';
import type { AgendaDocument, AgendaFollowUp, AgendaItem, AgendaParticipant, ItemNorm, ItemSagLine } from './dagsorden-model';
import {
  INK,
  SIZE,
  cleanText,
  colourBadge,
  colourLegend,
  documentStyles,
  formatDanishDate,
  formatDueDay,
  formatTimeRange,
  heading,
  pageFooter,
  pageHeader,
  pageProperties,
  parseLocalDateTime,
  simpleTable,
  textParagraphs,
  typeAddsToTitle,
} from './docx-common';
import { nameWithRole } from '../../shared/domain/roles';

type Block = Paragraph | Table;

const CLOSED_ITEM = 'Lukket punkt';

export async function buildDagsorden(doc: AgendaDocument): Promise<Buffer> {
  const start = parseLocalDateTime(doc.startsAt);
  const date = formatDanishDate(start);
  const full = doc.variant === 'fuld';
  const document = new Document({
    creator: 'Samtalerum',
    title: cleanText(`Dagsorden: ${doc.forumName}, ${date}`),
    styles: documentStyles,
    sections: [
      {
        properties: pageProperties,
        headers: { default: pageHeader(`${doc.forumName} · ${date}`, full) },
        footers: { default: pageFooter() },
        children: [
          ...titleBlock(doc, date, formatTimeRange(start, doc.durationMinutes)),
          ...participantsSection(doc.participants),
          ...purposeSection(doc.purpose),
          // When an item is the follow-up, the table stands under it, not once more as a section of its own.
          ...(doc.items.some((item) => item.listsFollowUp) ? [] : followUpSection(doc)),
          ...itemsSection(doc),
          ...legendSection(doc),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function titleBlock(doc: AgendaDocument, date: string, time: string): Paragraph[] {
  const blocks = [
    new Paragraph({
      spacing: { after: 0 },
      children: [new TextRun({ text: cleanText(`${doc.school} · ${doc.forumKindLabel}`), allCaps: true, color: INK.muted })],
    }),
    new Paragraph({ style: 'Title', spacing: { after: 0 }, children: [new TextRun('Dagsorden')] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: cleanText(doc.title), size: SIZE.subtitle })] }),
  ];
  if (doc.variant === 'fuld') {
    blocks.push(
      new Paragraph({
        spacing: { after: 240 },
        children: [
          new TextRun({ text: 'FORTROLIGT. ', bold: true, color: INK.confidential }),
          new TextRun('Fuld version med lukkede punkter. Den må ikke sendes videre til personalet.'),
        ],
      }),
    );
  }
  const facts: [string, string][] = [
    ['Forum', doc.forumName],
    ['Dato', date],
    ['Tid', time],
    ['Sted', doc.place.trim() === '' ? 'Oplyses senere' : doc.place],
  ];
  // A tab stop lines the values up like a hand-made form without the clutter of a table.
  for (const [label, value] of facts) {
    blocks.push(
      new Paragraph({
        spacing: { after: 40 },
        tabStops: [{ type: TabStopType.LEFT, position: 1200 }],
        children: [new TextRun({ text: label, bold: true }), new TextRun({ children: [new Tab(), cleanText(value)] })],
      }),
    );
  }
  return blocks;
}

function participantsSection(participants: AgendaParticipant[]): Block[] {
  const present = participants.filter((p) => p.status === 'deltager');
  const absent = participants.filter((p) => p.status === 'afbud');
  const blocks: Block[] = [heading('Deltagere', 1)];
  if (present.length === 0) {
    blocks.push(new Paragraph('Der er ikke registreret deltagere endnu.'));
  } else {
    blocks.push(
      simpleTable(
        ['Navn', 'Rolle', 'Opgave på mødet'],
        present.map((p) => [p.name, p.role, meetingTasks(p)]),
        [0.38, 0.32, 0.3],
      ),
    );
  }
  const absentText = absent.length === 0 ? 'Ingen.' : absent.map((p) => nameWithRole(p.name, p.role)).join(', ');
  blocks.push(
    new Paragraph({
      spacing: { before: 160 },
      children: [new TextRun({ text: 'Afbud: ', bold: true }), new TextRun(cleanText(absentText))],
    }),
  );
  return blocks;
}

function meetingTasks(participant: AgendaParticipant): string {
  const tasks = [participant.facilitator ? 'facilitator' : '', participant.referent ? 'referent' : '']
    .filter((task) => task !== '')
    .join(' og ');
  return tasks.charAt(0).toUpperCase() + tasks.slice(1);
}

function purposeSection(purpose: string): Block[] {
  const text = textParagraphs(purpose);
  return text.length === 0 ? [] : [heading('Formål med mødet', 1), ...text];
}

function followUpSection(doc: AgendaDocument): Block[] {
  return [heading('Opfølgning fra sidst', 1), ...followUpContent(doc)];
}

function followUpContent(doc: AgendaDocument): Block[] {
  const done = doneSinceLast(doc.doneSinceLast);
  if (doc.followUp.length === 0) return [new Paragraph('Der er ingen åbne opgaver at følge op på fra sidste møde.'), ...done];
  // Wide enough for the longest date («30. september 2026») and status («Forsinket») on one line.
  return [
    simpleTable(['Hvad', 'Hvem', 'Frist', 'Status'], doc.followUp.map((f) => [withHistory(f), f.who, formatDueDay(f.due), f.status]), [0.38, 0.2, 0.25, 0.17]),
    ...done,
  ];
}

/**
 * What was done between the meetings, so it is not silently gone from the agenda; left out when nothing was.
 * A bold lead-in kept with its table, not a heading: it may stand inside the follow-up item.
 */
function doneSinceLast(done: AgendaFollowUp[]): Block[] {
  if (done.length === 0) return [];
  return [
    new Paragraph({ keepNext: true, spacing: { before: 160 }, children: [new TextRun({ text: 'Udført siden sidst', bold: true })] }),
    simpleTable(['Hvad', 'Hvem', 'Frist'], done.map((f) => [withHistory(f), f.who, formatDueDay(f.due)]), [0.58, 0.2, 0.22]),
  ];
}

/** The action, then its dated history, a paragraph each. */
function withHistory(action: AgendaFollowUp): string {
  return [action.what, ...action.history.map((line) => `– ${line}`)].join('\n\n');
}

function itemsSection(doc: AgendaDocument): Block[] {
  const blocks: Block[] = [heading('Punkter', 1)];
  if (doc.items.length === 0) blocks.push(new Paragraph('Der er endnu ingen punkter på dagsordenen.'));
  for (const item of doc.items) blocks.push(...itemBlock(item, doc.variant === 'delt', item.listsFollowUp ? followUpContent(doc) : []));
  return blocks;
}

/**
 * The version sent out is built from the shared view, where a confidential item is already a placeholder.
 * `followUp` is the «Opfølgning fra sidst» table when this item is where it is gone through.
 */
function itemBlock(item: AgendaItem, sentOut: boolean, followUp: Block[]): Block[] {
  const title = item.confidential && !sentOut ? `${item.title} (${CLOSED_ITEM})` : item.title;
  const facts = [
    typeAddsToTitle(item.typeLabel, item.title) ? item.typeLabel : '',
    item.owner.trim() === '' ? '' : `Ansvarlig: ${item.owner}`,
    `${item.minutes} min.`,
    `kl. ${item.startTime}`,
  ].filter((fact) => fact !== '');
  const content: Block[] = [];
  if (item.confidential && sentOut) {
    content.push(new Paragraph({ children: [new TextRun({ text: 'Punktet behandles fortroligt.', italics: true })] }));
  }
  if (item.colour) {
    content.push(new Paragraph({ children: [...colourBadge(item.colour), new TextRun(cleanText(`  ${item.colour.meaning}`))] }));
  }
  for (const [label, text] of [['Givet', item.announcedGiven ?? ''], ['Til diskussion', item.announcedOpen ?? '']] as const) {
    if (text.trim() !== '') content.push(new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(cleanText(text.trim()))] }));
  }
  if (item.sag) content.push(sagParagraph(item.sag));
  for (const norm of item.norms ?? []) content.push(normParagraph(norm));
  content.push(...textParagraphs(item.background), ...followUp);
  return [
    heading(`${item.number}. ${title}`, 2),
    // Kept with what follows, so the facts line never ends a page apart from the item's text.
    new Paragraph({ keepNext: content.length > 0, children: [new TextRun({ text: cleanText(facts.join(' · ')), color: INK.muted })] }),
    ...content,
  ];
}

function sagParagraph(sag: ItemSagLine): Paragraph {
  return new Paragraph({
    children: [new TextRun({ text: cleanText(`Del af sagen «${sag.title}». `), bold: true }), new TextRun(cleanText(sag.earlier))],
  });
}

/** A missing forvarsel or consent is marked with a sign and in bold, never by colour alone. */
function normParagraph(norm: ItemNorm): Paragraph {
  if (!norm.missing) return new Paragraph({ children: [new TextRun(cleanText(norm.text))] });
  return new Paragraph({ children: [new TextRun({ text: cleanText(`⚠ ${norm.text}`), bold: true, color: INK.confidential })] });
}

function legendSection(doc: AgendaDocument): Block[] {
  if (doc.colours.length === 0) return [];
  return [
    heading('Farvekoder', 1),
    new Paragraph({
      keepNext: true,
      text: 'Farven meldes ud, når punktet sættes på dagsordenen, så alle ved på forhånd, hvor meget indflydelse forummet har på beslutningen.',
    }),
    colourLegend(doc.colours),
  ];
}
