/**
 * "Nyt fra TRIO": the decisions from one meeting that staff should know about, grouped by colour, as a short
 * Word file and as plain text for a newsletter or the intranet. The service passes only what may be shared
 * (never a confidential item); the builders print exactly what they are given and nothing else.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun, type Table } from 'docx';
import type { ColourDefinition } from '../../shared/domain/colours';
import type { ReferatDissent, StaffSummary } from './referat-model';
import {
  INK,
  SIZE,
  cleanText,
  colourBadge,
  documentStyles,
  formatDanishDate,
  heading,
  pageFooter,
  pageHeader,
  pageProperties,
  parseLocalDateTime,
  textParagraphs,
} from './docx-common';
import { formatDanishDay } from './danishDay';

type Block = Paragraph | Table;

/** "Nyt fra TRIO på Egeskolen – 1. december 2026" */
function summaryTitle(doc: StaffSummary): string {
  const day = formatDanishDay(doc.startsAt.slice(0, 10));
  return `Nyt fra ${doc.forumName} – ${day}`;
}

function introSentence(doc: StaffSummary, date: string): string {
  return (
    `Her er de beslutninger fra mødet ${date}, som har betydning for jer. ` +
    'Farven ved hver gruppe viser, hvor meget indflydelse forummet havde på beslutningen.'
  );
}

const NO_DECISIONS = 'Mødet traf ingen beslutninger, som ændrer noget for jer.';

/** "Opdateret vikarplan (Mette Lund, senest 15. januar 2027)" */
function actionLine(action: StaffSummary['actions'][number]): string {
  const due = action.due === null || action.due.trim() === '' ? '' : `senest ${formatDanishDay(action.due)}`;
  const details = [action.who.trim(), due].filter((part) => part !== '').join(', ');
  return details === '' ? action.what.trim() : `${action.what.trim()} (${details})`;
}

export async function buildStaffSummary(doc: StaffSummary): Promise<Buffer> {
  const start = parseLocalDateTime(doc.startsAt);
  const date = formatDanishDate(start);
  const title = summaryTitle(doc);
  const children: Block[] = [
    new Paragraph({
      spacing: { after: 0 },
      children: [new TextRun({ text: cleanText(doc.school), allCaps: true, color: INK.muted })],
    }),
    new Paragraph({ style: 'Title', spacing: { after: 0 }, children: [new TextRun(cleanText(title))] }),
    new Paragraph({ spacing: { after: 240 }, children: [new TextRun({ text: cleanText(doc.title), size: SIZE.subtitle })] }),
    new Paragraph(cleanText(introSentence(doc, date))),
  ];
  const groups = doc.groups.filter((group) => group.decisions.length > 0);
  if (groups.length === 0) children.push(new Paragraph(NO_DECISIONS));
  for (const group of groups) children.push(...groupBlocks(group.colour, group.decisions));
  if (doc.actions.length > 0) {
    children.push(heading('Det sker nu', 1));
    for (const action of doc.actions) {
      children.push(new Paragraph({ bullet: { level: 0 }, spacing: { after: 40 }, children: [new TextRun(cleanText(actionLine(action)))] }));
    }
  }
  const document = new Document({
    creator: 'Samtalerum',
    title: cleanText(title),
    styles: documentStyles,
    sections: [
      {
        properties: pageProperties,
        headers: { default: pageHeader(`${doc.forumName} · ${date}`, false) },
        footers: { default: pageFooter() },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** «Mindretalsudtalelse fra TR (pædagoger): », by role only: staff read what was said, not who said it. */
function dissentLead(dissent: ReferatDissent): string {
  return `${dissent.kind}${dissent.by === '' ? '' : ` fra ${dissent.by}`}: `;
}

function groupBlocks(colour: ColourDefinition, decisions: StaffSummary['groups'][number]['decisions']): Paragraph[] {
  const blocks = [
    // The badge is the heading, so Word's navigation pane lists the colour groups.
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: colourBadge(colour) }),
    new Paragraph({ keepNext: true, children: [new TextRun({ text: cleanText(colour.meaning), italics: true, color: INK.muted })] }),
  ];
  for (const decision of decisions) {
    blocks.push(heading(decision.title, 2), ...textParagraphs(decision.text));
    if (decision.forStaff.trim() !== '') {
      blocks.push(
        new Paragraph({
          children: [new TextRun({ text: 'Det betyder for jer: ', bold: true }), new TextRun(cleanText(decision.forStaff.trim()))],
        }),
      );
    }
    for (const dissent of decision.dissents) {
      blocks.push(new Paragraph({ children: [new TextRun({ text: dissentLead(dissent), bold: true }), new TextRun(cleanText(dissent.text.trim()))] }));
    }
  }
  return blocks;
}

// ------------------------------------------------------------------------------------------- plain text

const WIDTH = 100;

/**
 * The same content as plain text: no markup, the colour as words and code ("Gul (GU)"), Danish dates,
 * NFC-normalised so æøå are single characters, and lines wrapped at 100 characters where words allow.
 */
export function staffSummaryText(doc: StaffSummary): string {
  const start = parseLocalDateTime(doc.startsAt);
  const title = summaryTitle(doc);
  const lines: string[] = [];
  const para = (text: string, indent = '', first = indent) => lines.push(...wrap(text, first, indent));
  lines.push(...wrap(title, '', ''), '='.repeat(Math.min(WIDTH, [...cleanText(title)].length)));
  para(`${doc.school} · ${doc.title}`);
  lines.push('');
  para(introSentence(doc, formatDanishDate(start)));
  const groups = doc.groups.filter((group) => group.decisions.length > 0);
  if (groups.length === 0) {
    lines.push('');
    para(NO_DECISIONS);
  }
  for (const group of groups) {
    const label = `${group.colour.label} (${group.colour.code})`;
    lines.push('', label, '-'.repeat([...label].length));
    para(group.colour.meaning);
    for (const decision of group.decisions) {
      lines.push('');
      para(decision.title.trim(), '  ', '• ');
      for (const block of blocksOf(decision.text)) para(block, '  ');
      if (decision.forStaff.trim() !== '') para(`Det betyder for jer: ${decision.forStaff.trim()}`, '  ');
      for (const dissent of decision.dissents) para(`${dissentLead(dissent)}${dissent.text.trim()}`, '  ');
    }
  }
  if (doc.actions.length > 0) {
    lines.push('', 'Det sker nu', '-----------');
    for (const action of doc.actions) para(actionLine(action), '  ', '- ');
  }
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`.normalize('NFC');
}

/** The writer's paragraphs and lines; each becomes its own wrapped line group. */
function blocksOf(text: string): string[] {
  return cleanText(text)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** Greedy word wrap; a single word longer than the line (a link) is kept whole. */
function wrap(text: string, first: string, indent: string): string[] {
  const words = cleanText(text).replace(/\s+/g, ' ').trim().split(' ').filter((word) => word !== '');
  const lines: string[] = [];
  let line = first;
  let empty = true;
  const length = (s: string) => [...s].length;
  for (const word of words) {
    if (!empty && length(line) + 1 + length(word) > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  if (!empty) lines.push(line);
  return lines;
}
