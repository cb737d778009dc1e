/**
 * The dagsorden as a Word file: title block, participants, purpose, follow-up from last time, numbered
 * items with their announced colour, and the colour legend. The version sent out is built from the
 * meeting's shared view (electron/services/redaction), in which a confidential item keeps only number,
 * type and time; the builder prints what it is given.
 */
import { Document, Packer, Paragraph, Tab, TabStopType, TextRun, type Table } from 'docx';
import type { AgendaDocument, AgendaFollowUp, AgendaItem, AgendaParticipant } from './dagsorden-model';
import {
  INK,
  SIZE,
  cleanText,
  colourBadge,
  colourLegend,
  documentStyles,
  formatDanishDate,
  formatDanishDay,
  formatTimeRange,
  heading,
  pageFooter,
  pageHeader,
  pageProperties,
  parseLocalDateTime,
  simpleTable,
  textParagraphs,
} from './docx-common';

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
          ...followUpSection(doc),
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
  const absentText = absent.length === 0 ? 'Ingen.' : absent.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ');
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
  const title = heading('Opfølgning fra sidst', 1);
  if (doc.followUp.length === 0) {
    return [title, new Paragraph('Der er ingen åbne opgaver at følge op på fra sidste møde.'), ...doneSinceLastSection(doc.doneSinceLast)];
  }
  return [
    title,
    simpleTable(
      ['Hvad', 'Hvem', 'Frist', 'Status'],
      doc.followUp.map((f) => [withHistory(f), f.who, dueText(f.due), f.status]),
      [0.4, 0.2, 0.26, 0.14],
    ),
    ...doneSinceLastSection(doc.doneSinceLast),
  ];
}

/** What was done between the meetings, so it is not silently gone from the agenda; left out when nothing was. */
function doneSinceLastSection(done: AgendaFollowUp[]): Block[] {
  if (done.length === 0) return [];
  return [heading('Udført siden sidst', 2), simpleTable(['Hvad', 'Hvem', 'Frist'], done.map((f) => [withHistory(f), f.who, dueText(f.due)]), [0.6, 0.2, 0.2])];
}

/** The action, then its dated history, a paragraph each. */
function withHistory(action: AgendaFollowUp): string {
  return [action.what, ...action.history.map((line) => `– ${line}`)].join('\n\n');
}

function dueText(due: string | null): string {
  return due === null ? 'Ingen frist' : formatDanishDay(due);
}

function itemsSection(doc: AgendaDocument): Block[] {
  const blocks: Block[] = [heading('Punkter', 1)];
  if (doc.items.length === 0) blocks.push(new Paragraph('Der er endnu ingen punkter på dagsordenen.'));
  for (const item of doc.items) blocks.push(...itemBlock(item, doc.variant === 'delt'));
  return blocks;
}

/** The version sent out is built from the shared view, where a confidential item is already a placeholder. */
function itemBlock(item: AgendaItem, sentOut: boolean): Paragraph[] {
  const title = item.confidential && !sentOut ? `${item.title} (${CLOSED_ITEM})` : item.title;
  const facts = [
    item.typeLabel,
    item.owner.trim() === '' ? '' : `Ansvarlig: ${item.owner}`,
    `${item.minutes} min.`,
    `kl. ${item.startTime}`,
  ].filter((fact) => fact !== '');
  const blocks = [
    heading(`${item.number}. ${title}`, 2),
    new Paragraph({ children: [new TextRun({ text: cleanText(facts.join(' · ')), color: INK.muted })] }),
  ];
  if (item.confidential && sentOut) {
    blocks.push(new Paragraph({ children: [new TextRun({ text: 'Punktet behandles fortroligt.', italics: true })] }));
  }
  if (item.colour) {
    blocks.push(new Paragraph({ children: [...colourBadge(item.colour), new TextRun(cleanText(`  ${item.colour.meaning}`))] }));
  }
  blocks.push(...textParagraphs(item.background));
  return blocks;
}

function legendSection(doc: AgendaDocument): Block[] {
  if (doc.colours.length === 0) return [];
  return [
    heading('Farvekoder', 1),
    new Paragraph(
      'Farven meldes ud, når punktet sættes på dagsordenen, så alle ved på forhånd, hvor meget indflydelse forummet har på beslutningen.',
    ),
    colourLegend(doc.colours),
  ];
}
