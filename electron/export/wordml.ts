/**
 * A small writer for the body of a Word document (WordprocessingML) as text, for the referat. A referat has
 * over a thousand runs, and building each one as a `docx` object graph that is then turned into XML cost
 * three times as much as the text itself; writing the same XML directly costs next to nothing. `docx` still
 * writes everything else in the package (styles, header, footer, properties), and `wordDocument` replaces
 * only word/document.xml through the Packer's overrides.
 *
 * Every piece of user text passes through `run`, which drops characters XML forbids and escapes the rest,
 * and the result is typed `Xml`, so plain text cannot be mistaken for markup by accident.
 */
import type { Document } from 'docx';
import type { ColourDefinition } from '../../shared/domain/colours';
import {
  CELL_MARGINS,
  CONTENT_WIDTH,
  PAGE,
  TABLE_BORDER_COLOUR,
  TABLE_HEADER_FILL,
  badgeStyleId,
  badgeTexts,
  bareHex,
  isStyledColour,
} from './docx-common';

declare const xmlBrand: unique symbol;
/** A fragment of finished WordprocessingML. */
export type Xml = string & { readonly [xmlBrand]: true };

const asXml = (markup: string) => markup as Xml;

/** Characters outside XML 1.0's Char production (stray control characters, lone surrogates), as in `cleanText`. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '').replace(/[&<>"']/g, (char) => ESCAPES[char] ?? '');
}

/** The direct formatting the referat uses on runs; most of its look lives in named styles instead. */
export interface RunLook {
  style?: string;
  font?: string;
  bold?: boolean;
  italics?: boolean;
  caps?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
  /** Background shading, RRGGBB. */
  fill?: string;
}

/** In the order the schema requires inside w:rPr. */
function runProperties(look: RunLook): string {
  let props = '';
  if (look.style) props += `<w:rStyle w:val="${escapeXml(look.style)}"/>`;
  if (look.font) {
    const font = escapeXml(look.font);
    props += `<w:rFonts w:ascii="${font}" w:cs="${font}" w:eastAsia="${font}" w:hAnsi="${font}"/>`;
  }
  if (look.bold) props += '<w:b/><w:bCs/>';
  if (look.italics) props += '<w:i/><w:iCs/>';
  if (look.caps) props += '<w:caps/>';
  if (look.color) props += `<w:color w:val="${escapeXml(look.color)}"/>`;
  if (look.size !== undefined) props += `<w:sz w:val="${look.size}"/><w:szCs w:val="${look.size}"/>`;
  if (look.fill) props += `<w:shd w:fill="${escapeXml(look.fill)}" w:color="auto" w:val="clear"/>`;
  return props === '' ? '' : `<w:rPr>${props}</w:rPr>`;
}

/**
 * One run of text. `before` puts a line break or a tab in front of the text, inside the same run. Spaces at
 * the ends are kept (`xml:space="preserve"`), so "Beslutning: " and a badge's padding survive.
 */
export function run(text: string, look: RunLook = {}, before?: 'break' | 'tab'): Xml {
  const lead = before === 'break' ? '<w:br/>' : before === 'tab' ? '<w:tab/>' : '';
  return asXml(`<w:r>${runProperties(look)}${lead}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`);
}

/** Lines of one paragraph as runs with line breaks between them, as the writer typed them. */
export function lineRuns(lines: readonly string[], look: RunLook = {}): Xml[] {
  return lines.map((line, index) => run(line, look, index > 0 ? 'break' : undefined));
}

export interface ParagraphLook {
  style?: string;
  keepNext?: boolean;
  /** A left tab stop, in twips. */
  tabStop?: number;
  spacing?: { before?: number; after?: number };
  /** A hanging indent: the first line starts at 0, the rest at this many twips. */
  hanging?: number;
}

/** In the order the schema requires inside w:pPr. */
function paragraphProperties(look: ParagraphLook): string {
  let props = '';
  if (look.style) props += `<w:pStyle w:val="${escapeXml(look.style)}"/>`;
  if (look.keepNext) props += '<w:keepNext/>';
  if (look.tabStop !== undefined) props += `<w:tabs><w:tab w:val="left" w:pos="${look.tabStop}"/></w:tabs>`;
  const { before, after } = look.spacing ?? {};
  if (before !== undefined || after !== undefined) {
    props += `<w:spacing${before === undefined ? '' : ` w:before="${before}"`}${after === undefined ? '' : ` w:after="${after}"`}/>`;
  }
  if (look.hanging !== undefined) props += `<w:ind w:left="${look.hanging}" w:hanging="${look.hanging}"/>`;
  return props === '' ? '' : `<w:pPr>${props}</w:pPr>`;
}

export function paragraph(runs: readonly Xml[], look: ParagraphLook = {}): Xml {
  return asXml(`<w:p>${paragraphProperties(look)}${runs.join('')}</w:p>`);
}

/** A plain paragraph of one line of text. */
export function plain(text: string): Xml {
  return paragraph([run(text)]);
}

/** Word's built-in Heading 1 and 2, so the navigation pane and the table of contents find them. */
export function heading(text: string, level: 1 | 2): Xml {
  return paragraph([run(text)], { style: level === 1 ? 'Heading1' : 'Heading2' });
}

/** The writer's text as blocks (blank lines split paragraphs) of lines, with Windows line ends normalised. */
export function textBlocks(text: string): string[][] {
  const normalised = text.replace(NOT_XML_CHAR, '').replace(/\r\n?/g, '\n').trim();
  if (normalised === '') return [];
  return normalised.split(/\n{2,}/).map((block) => block.split('\n'));
}

/** One paragraph per blank-line-separated block, single line breaks kept. */
export function textParagraphs(text: string, look: ParagraphLook = {}): Xml[] {
  return textBlocks(text).map((lines) => paragraph(lineRuns(lines), look));
}

/**
 * A colour badge: shape, two-letter code and label on the colour, so it reads in black-and-white print and
 * for colour-blind readers. It names the colour's character styles (`colourBadgeStyles`) when the document
 * has them, and carries the look itself otherwise.
 */
export function colourBadge(colour: ColourDefinition, styled: readonly ColourDefinition[]): Xml[] {
  const [symbol, label] = badgeTexts(colour);
  if (isStyledColour(colour, styled)) {
    const id = badgeStyleId(colour);
    return [run(symbol, { style: `${id}Symbol` }), run(label, { style: id })];
  }
  const look: RunLook = { bold: true, color: bareHex(colour.textHex), fill: bareHex(colour.hex) };
  return [run(symbol, { ...look, font: 'Segoe UI Symbol' }), run(label, look)];
}

/** A cell is plain text (blocks and lines kept) or ready-made paragraphs, e.g. a badge. */
export type CellContent = string | readonly Xml[];

const TABLE_BORDER = `w:val="single" w:color="${TABLE_BORDER_COLOUR}" w:sz="4"`;
const TABLE_PROPERTIES =
  `<w:tblPr><w:tblW w:type="dxa" w:w="${CONTENT_WIDTH}"/><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((side) => `<w:${side} ${TABLE_BORDER}/>`).join('') +
  '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>' +
  (['top', 'left', 'bottom', 'right'] as const).map((side) => `<w:${side} w:type="dxa" w:w="${CELL_MARGINS[side]}"/>`).join('') +
  '</w:tblCellMar></w:tblPr>';
const HEADER_SHADING = `<w:shd w:fill="${TABLE_HEADER_FILL}" w:color="auto" w:val="clear"/>`;
/** Table rows stay compact; the cell margins give the air. */
const CELL_PARAGRAPH: ParagraphLook = { spacing: { after: 0 } };

/**
 * A full-width table with fixed column widths (`widths` are fractions of the text width, so LibreOffice
 * agrees with Word), borders, cell margins set once for the whole table, and a shaded, bold header row that
 * Word repeats on every page the table spans. No row is split across pages.
 */
export function table(headers: readonly string[], rows: readonly (readonly CellContent[])[], widths: readonly number[]): Xml {
  const columnWidths = widths.map((fraction) => Math.round(fraction * CONTENT_WIDTH));
  const cell = (paragraphs: readonly Xml[], column: number, shading: string) =>
    `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${columnWidths[column] ?? 0}"/>${shading}</w:tcPr>${paragraphs.join('')}</w:tc>`;
  const headerCells = headers.map((text, column) => cell([paragraph([run(text, { bold: true })], CELL_PARAGRAPH)], column, HEADER_SHADING));
  const bodyRows = rows.map(
    (row) => `<w:tr><w:trPr><w:cantSplit/></w:trPr>${row.map((content, column) => cell(cellParagraphs(content), column, '')).join('')}</w:tr>`,
  );
  return asXml(
    `<w:tbl>${TABLE_PROPERTIES}<w:tblGrid>${columnWidths.map((width) => `<w:gridCol w:w="${width}"/>`).join('')}</w:tblGrid>` +
      `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${headerCells.join('')}</w:tr>${bodyRows.join('')}</w:tbl>`,
  );
}

function cellParagraphs(content: CellContent): readonly Xml[] {
  if (typeof content !== 'string') return content;
  const paragraphs = textParagraphs(content, CELL_PARAGRAPH);
  // Word needs at least one paragraph in every cell.
  return paragraphs.length > 0 ? paragraphs : [paragraph([], CELL_PARAGRAPH)];
}

const NAMESPACES =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/**
 * word/document.xml for `document`, a `docx` Document built with an empty body and one section with a
 * default header and footer: the body is `blocks`, and the section (A4, the margins of `pageProperties`)
 * points at the header and footer `docx` wrote, so they are on every page.
 */
export function wordDocument(document: Document, blocks: readonly Xml[]): { path: string; data: string } {
  const header = document.Headers[0]?.View.ReferenceId;
  const footer = document.Footers[0]?.View.ReferenceId;
  if (header === undefined || footer === undefined) throw new Error('Dokumentet mangler sidehoved eller sidefod.');
  const section =
    `<w:sectPr><w:headerReference w:type="default" r:id="rId${header}"/><w:footerReference w:type="default" r:id="rId${footer}"/>` +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" w:header="708" w:footer="708" w:gutter="0"/>` +
    '<w:docGrid w:linePitch="360"/></w:sectPr>';
  return {
    path: 'word/document.xml',
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NAMESPACES}><w:body>${blocks.join('')}${section}</w:body></w:document>`,
  };
}
