/**
 * Building blocks shared by the Word builders (dagsorden, referat, staff summary), so every document the
 * product writes has the same fonts, headings, header, footer and colour badges. The dagsorden and the staff
 * summary build their bodies from the `docx` objects here; the referat writes its body as XML (wordml.ts)
 * with the same measures and colours from here. Plain Node: never imports Electron.
 */
import { addMinutes, format, isValid, parse } from 'date-fns';
import { da } from 'date-fns/locale';
import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HeadingLevel,
  LineRuleType,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
  type ICharacterStyleOptions,
  type IStylesOptions,
  type ISectionPropertiesOptions,
} from 'docx';
import type { ColourDefinition, ColourShape } from '../../shared/domain/colours';
import { formatDanishDay } from './danishDay';

const FONT = 'Calibri';
/** Danish on every run, so Word spell-checks in Danish and hyphenates correctly. */
const LANGUAGE = { value: 'da-DK' };
/** Text colours; grey and dark red keep AA contrast on white. */
export const INK = { text: '1A1A1A', muted: '595959', heading: '1F3864', confidential: 'A00000' } as const;
export const TABLE_HEADER_FILL = 'E7E6E6';
export const TABLE_BORDER_COLOUR = 'A6A6A6';

/** A4 with 2 cm margins; tables are laid out in twips against this width so LibreOffice agrees with Word. */
export const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** Font sizes in half-points, as Word stores them. */
export const SIZE = { small: 18, body: 22, subtitle: 28, title: 44 } as const;

export const documentStyles: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: SIZE.body, color: INK.text, language: LANGUAGE },
      // An explicit line rule: without it LibreOffice reads the line height as exact and big text overlaps.
      paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
    },
    title: { run: { font: FONT, size: SIZE.title, bold: true, color: INK.heading, language: LANGUAGE } },
    heading1: {
      run: { font: FONT, size: 32, bold: true, color: INK.heading, language: LANGUAGE },
      paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: 26, bold: true, color: INK.heading, language: LANGUAGE },
      paragraph: { spacing: { before: 280, after: 80 }, keepNext: true, keepLines: true },
    },
  },
};

export const pageProperties: ISectionPropertiesOptions = {
  page: {
    size: { width: PAGE.width, height: PAGE.height },
    margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
  },
};

/**
 * User text goes straight into XML; characters XML 1.0 forbids (stray control characters pasted from other
 * programs, lone surrogates) would make Word refuse the whole file, so they are dropped.
 */
export function cleanText(text: string): string {
  let clean = '';
  // Iterating a string yields whole code points, and a lone surrogate on its own, which isXmlChar rejects.
  for (const char of text) {
    if (isXmlChar(char.codePointAt(0) ?? 0)) clean += char;
  }
  return clean;
}

/** The Char production of XML 1.0. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    code >= 0x10000
  );
}

export function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    children: [new TextRun(cleanText(text))],
  });
}

/** One paragraph per blank-line-separated block, single line breaks kept, as the writer typed them. */
export function textParagraphs(text: string, spacingAfter?: number): Paragraph[] {
  const normalised = cleanText(text).replace(/\r\n?/g, '\n').trim();
  if (normalised === '') return [];
  return normalised.split(/\n{2,}/).map(
    (block) =>
      new Paragraph({
        spacing: spacingAfter === undefined ? undefined : { after: spacingAfter },
        children: block.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0 })),
      }),
  );
}

/**
 * The forum and date on every page, FORTROLIGT in plain sight when the document holds closed items, and
 * UDKAST while a referat is not yet approved, so a printed page can never pass for the approved version.
 */
export function pageHeader(text: string, confidential: boolean, draft = false): Header {
  const children = [new TextRun({ text: cleanText(text), size: SIZE.small, color: INK.muted })];
  const marks = [draft ? 'UDKAST – ikke godkendt' : '', confidential ? 'FORTROLIGT' : ''].filter((mark) => mark !== '');
  if (marks.length > 0) {
    const mark = { size: SIZE.small, bold: true, color: INK.confidential };
    children.push(new TextRun({ ...mark, children: [new Tab(), marks.join(' · ')] }));
  }
  return new Header({
    children: [new Paragraph({ tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH }], children })],
  });
}

export function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: SIZE.small,
            color: INK.muted,
            children: ['Side ', PageNumber.CURRENT, ' af ', PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

const SHAPE_GLYPHS: Record<ColourShape, string> = { trekant: '▲', ruder: '◆', cirkel: '●', firkant: '■' };

/**
 * The colour as a shaded badge with shape, two-letter code and label, so it still reads in black-and-white
 * print and for colour-blind readers. Non-breaking spaces keep the badge on one line. The glyph gets a
 * symbol font because Calibri has no ◆.
 */
export function colourBadge(colour: ColourDefinition): TextRun[] {
  const look = {
    bold: true,
    color: bareHex(colour.textHex),
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: bareHex(colour.hex) },
  };
  const [symbol, label] = badgeTexts(colour);
  return [new TextRun({ ...look, text: symbol, font: 'Segoe UI Symbol' }), new TextRun({ ...look, text: label })];
}

/** The badge's two runs of text: the shape, then code and label. */
export function badgeTexts(colour: ColourDefinition): [symbol: string, label: string] {
  return [`\u00A0${SHAPE_GLYPHS[colour.shape]}\u00A0`, cleanText(`${colour.code}\u00A0${colour.label}\u00A0`)];
}

/**
 * The same badges as character styles, one pair per colour, for documents with many badges (the referat):
 * each badge then names its style instead of repeating font, colour and shading on every run, which keeps
 * long files small and fast to write, and lets Word restyle all badges of a colour at once.
 */
export function colourBadgeStyles(colours: readonly ColourDefinition[]): ICharacterStyleOptions[] {
  return colours.flatMap((colour) => {
    const run = {
      bold: true,
      color: bareHex(colour.textHex),
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: bareHex(colour.hex) },
    };
    const name = cleanText(`Farvemærke ${colour.label}`);
    return [
      { id: badgeStyleId(colour), name, basedOn: 'DefaultParagraphFont', run },
      { id: `${badgeStyleId(colour)}Symbol`, name: `${name} (symbol)`, basedOn: 'DefaultParagraphFont', run: { ...run, font: 'Segoe UI Symbol' } },
    ];
  });
}

/** Whether `colourBadgeStyles(styled)` made the styles for this colour, so a badge may name them. */
export function isStyledColour(colour: ColourDefinition, styled: readonly ColourDefinition[]): boolean {
  return styled.some((c) => c.key === colour.key && c.hex === colour.hex && c.textHex === colour.textHex && c.label === colour.label);
}

export function badgeStyleId(colour: ColourDefinition): string {
  return `Farvemaerke${colour.key.replace(/[^A-Za-z0-9]/g, '')}`;
}

export function bareHex(hex: string): string {
  return hex.replace(/^#/, '').toUpperCase();
}

export function colourLegend(colours: readonly ColourDefinition[]): Table {
  return simpleTable(
    ['Farve', 'Betydning'],
    colours.map((colour) => [[new Paragraph({ spacing: { after: 0 }, children: colourBadge(colour) })], colour.meaning]),
    [0.22, 0.78],
  );
}

const HEADER_SHADING = { type: ShadingType.CLEAR, color: 'auto', fill: TABLE_HEADER_FILL } as const;
export const CELL_MARGINS = { top: 60, bottom: 60, left: 100, right: 100, marginUnitType: WidthType.DXA } as const;

/** A cell is plain text or ready-made paragraphs (e.g. a badge). */
export type CellContent = string | Paragraph[];

/**
 * A full-width table with a shaded header row that Word repeats on every page the table spans.
 * `widths` are fractions of the text width.
 */
export function simpleTable(headers: string[], rows: CellContent[][], widths: number[]): Table {
  const columnWidths = widths.map((fraction) => Math.round(fraction * CONTENT_WIDTH));
  const cell = (content: CellContent, column: number, isHeader: boolean) =>
    new TableCell({
      width: { size: columnWidths[column] ?? 0, type: WidthType.DXA },
      shading: isHeader ? HEADER_SHADING : undefined,
      children: typeof content === 'string' ? cellParagraphs(content, isHeader) : content,
    });
  const border = { style: BorderStyle.SINGLE, size: 4, color: TABLE_BORDER_COLOUR };
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths,
    layout: TableLayoutType.FIXED,
    // Cell margins once for the whole table rather than on every cell: the same look, a much smaller file.
    margins: CELL_MARGINS,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((text, i) => cell(text, i, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((content, i) => cell(content, i, false)) })),
    ],
  });
}

function cellParagraphs(text: string, bold: boolean): Paragraph[] {
  // Table rows stay compact; the cell margins give the air.
  const spacing = { after: 0 };
  if (bold) return [new Paragraph({ spacing, children: [new TextRun({ text: cleanText(text), bold: true })] })];
  const paragraphs = textParagraphs(text, 0);
  // Word needs at least one paragraph in every cell.
  return paragraphs.length > 0 ? paragraphs : [new Paragraph({ spacing, children: [] })];
}

/** 'YYYY-MM-DDTHH:mm' as local time; throws rather than printing "Invalid Date" in a document. */
export function parseLocalDateTime(value: string): Date {
  const date = parse(value, "yyyy-MM-dd'T'HH:mm", new Date());
  if (!isValid(date)) throw new Error(`Ugyldigt tidspunkt: ${value}`);
  return date;
}

/** "tirsdag den 24. november 2026" */
export function formatDanishDate(date: Date): string {
  return format(date, "EEEE 'den' d. MMMM yyyy", { locale: da });
}

/**
 * A deadline in a table: "24. november 2026" with non-breaking spaces, so a narrow column never splits a
 * date over two lines; "Ingen frist" when there is none.
 */
export function formatDueDay(isoDay: string | null): string {
  return isoDay === null || isoDay.trim() === '' ? 'Ingen frist' : formatDanishDay(isoDay).replace(/ /g, '\u00A0');
}

/**
 * The item's type is left out of its facts line when the title already says it («Eventuelt», «Opfølgning fra
 * sidst»), so the document never reads «Eventuelt» twice in a row.
 */
export function typeAddsToTitle(typeLabel: string, title: string): boolean {
  const type = typeLabel.trim().toLocaleLowerCase('da');
  return type !== '' && !title.trim().toLocaleLowerCase('da').startsWith(type);
}

/** "kl. 14.00" */
export function formatDanishTime(date: Date): string {
  return `kl. ${format(date, 'HH.mm')}`;
}

/** "kl. 14.00–15.30" */
export function formatTimeRange(start: Date, durationMinutes: number): string {
  return `${formatDanishTime(start)}–${format(addMinutes(start, durationMinutes), 'HH.mm')}`;
}
