/**
 * The feedback letter to a school after a lyttemøde: thanks, what we heard (by theme, no names), what
 * happens now (by destination, and where a sent input is taken up), signed by the visitors. One letter
 * per lyttemøde; the school can pass it on to the teachers who took part.
 */
import { Document, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';
import type { FeedbackLetter, LetterDestination, LetterHeardInput, LetterInput, LetterSortedInput } from './feedbackLetter-model';
import {
  INK,
  cleanText,
  documentStyles,
  heading,
  pageFooter,
  pageHeader,
  pageProperties,
  parseLocalDateTime,
  formatDanishDate,
} from './docx-common';

const FRAMING = [
  'Tak fordi I tog imod os og brugte tid på at fortælle, hvordan hverdagen ser ud fra jeres stol.',
  'Vi kom for at lytte, ikke for at beslutte noget på stedet. Her er det, vi tog med os, og hvad der sker med det nu. ' +
    'Vi har ikke skrevet ned, hvem der sagde hvad; det er det sagte, der tæller.',
];

export async function buildFeedbackLetter(letter: FeedbackLetter): Promise<Buffer> {
  const date = dayText(letter);
  const document = new Document({
    creator: 'Samtalerum',
    title: cleanText(`Tilbagemelding efter lyttemødet på ${letter.school}`),
    styles: documentStyles,
    sections: [
      {
        properties: pageProperties,
        headers: { default: pageHeader(`Lyttemøde · ${letter.school} · ${date}`, false) },
        footers: { default: pageFooter() },
        children: [
          ...titleBlock(letter, date),
          ...heardSection(letter),
          ...nextSection(letter),
          ...signature(letter),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function dayText(letter: FeedbackLetter): string {
  return formatDanishDate(parseLocalDateTime(`${letter.date}T${letter.startTime ?? '12:00'}`));
}

function titleBlock(letter: FeedbackLetter, date: string): Paragraph[] {
  const facts: [string, string][] = [
    ['Dato', letter.startTime === null ? date : `${date}, kl. ${letter.startTime.replace(':', '.')}`],
    ['Lærergruppe', letter.teacherGroup],
  ];
  if (letter.participantCount !== null) facts.push(['Deltagere', `${letter.participantCount}`]);
  facts.push(['Serie', letter.seriesTitle]);
  return [
    new Paragraph({ style: 'Title', spacing: { after: 240 }, children: [new TextRun(cleanText(`Tak for lyttemødet på ${letter.school}`))] }),
    ...facts.map(
      ([label, value]) =>
        new Paragraph({
          spacing: { after: 40 },
          tabStops: [{ type: TabStopType.LEFT, position: 1900 }],
          children: [new TextRun({ text: label, bold: true }), new TextRun({ children: [new Tab(), cleanText(value)] })],
        }),
    ),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
    ...FRAMING.map((text) => new Paragraph(text)),
  ];
}

/** A quote in the teachers' own words stands in quotation marks and italics; other inputs as written. */
function inputRuns(input: LetterInput): TextRun[] {
  return input.isQuote ? [new TextRun({ text: cleanText(`»${input.text}«`), italics: true })] : [new TextRun(cleanText(input.text))];
}

function bullet(children: TextRun[]): Paragraph {
  return new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children });
}

/** Themes are typed as #tags in lower case; a heading in a letter starts with a capital like any other. */
function headingCase(theme: string): string {
  return theme.charAt(0).toLocaleUpperCase('da') + theme.slice(1);
}

/** The input's other themes follow it, muted, so it is listed once yet found under each. */
function heardRuns(input: LetterHeardInput): TextRun[] {
  const runs = inputRuns(input);
  if (input.alsoThemes.length > 0) runs.push(new TextRun({ text: cleanText(` (også: ${input.alsoThemes.join(', ')})`), color: INK.muted }));
  return runs;
}

function heardSection(letter: FeedbackLetter): Paragraph[] {
  const blocks = [heading('Det hørte vi', 1)];
  if (letter.themes.length === 0) {
    blocks.push(new Paragraph('Der er ikke skrevet input ned fra mødet.'));
    return blocks;
  }
  for (const theme of letter.themes) {
    blocks.push(heading(headingCase(theme.name), 2));
    for (const input of theme.inputs) blocks.push(bullet(heardRuns(input)));
  }
  return blocks;
}

function sortedRuns(input: LetterSortedInput): TextRun[] {
  const runs = inputRuns(input);
  if (input.note.trim() !== '') runs.push(new TextRun({ text: cleanText(` – ${input.note}`), color: INK.muted }));
  if (input.where !== null) runs.push(new TextRun({ text: cleanText(`${input.where}.`), bold: true, break: 1 }));
  return runs;
}

function destinationBlocks(destination: LetterDestination): Paragraph[] {
  return [
    heading(`${destination.label} (${destination.letter})`, 2),
    new Paragraph(cleanText(destination.next)),
    ...destination.inputs.map((input) => bullet(sortedRuns(input))),
  ];
}

function nextSection(letter: FeedbackLetter): Paragraph[] {
  const blocks = [heading('Det sker nu', 1)];
  if (letter.destinations.length === 0 && letter.unsorted.length === 0) {
    blocks.push(new Paragraph('Der er ingen input at følge op på.'));
  }
  for (const destination of letter.destinations) blocks.push(...destinationBlocks(destination));
  if (letter.unsorted.length > 0) {
    blocks.push(
      heading('Endnu ikke sorteret', 2),
      new Paragraph(
        `${letter.unsorted.length === 1 ? 'Dette input er' : 'Disse input er'} endnu ikke sorteret. Vi vender tilbage, når vi har set på ${letter.unsorted.length === 1 ? 'det' : 'dem'}.`,
      ),
      ...letter.unsorted.map((input) => bullet(inputRuns(input))),
    );
  }
  return blocks;
}

function signature(letter: FeedbackLetter): Paragraph[] {
  const visitors = letter.visitors.trim() === '' ? 'De besøgende' : letter.visitors;
  return [
    new Paragraph({ spacing: { before: 360 }, children: [new TextRun('Med venlig hilsen')] }),
    new Paragraph({ children: [new TextRun({ text: cleanText(visitors), bold: true })] }),
  ];
}
