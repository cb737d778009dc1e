import fc from 'fast-check';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { Document, Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildReferat } from '../../electron/export/referat';
import { cleanText, pageFooter, pageHeader, pageProperties } from '../../electron/export/docx-common';
import { colourBadge, escapeXml, heading, paragraph, run, table, textParagraphs, wordDocument, type Xml } from '../../electron/export/wordml';
import { DEFAULT_COLOURS } from '../../shared/domain/colours';
import { benchReferat } from '../bench/referat';

/** A whole .docx whose body is `blocks`, the way the referat is put together. */
async function packed(blocks: Xml[]): Promise<Buffer> {
  const document = new Document({
    sections: [{ properties: pageProperties, headers: { default: pageHeader('Hoved', false) }, footers: { default: pageFooter() }, children: [] }],
  });
  return Packer.toBuffer(document, false, [wordDocument(document, blocks)]);
}

async function documentXml(buffer: Buffer): Promise<string> {
  return (await (await JSZip.loadAsync(buffer)).file('word/document.xml')?.async('string')) ?? '';
}

describe('WordprocessingML-skriveren', () => {
  it('escaper markup-tegn og dropper tegn, XML ikke tillader, men bevarer emoji og æøå', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    expect(escapeXml('x\u0000\u0008\u000B\u001F\uFFFE\uD800y')).toBe('xy');
    expect(escapeXml('\uDC00 👍🏽 æøå\ttab\nny')).toBe(' 👍🏽 æøå\ttab\nny');
  });

  it('skriver runs med bevarede mellemrum, linjeskift og tabulator, og egenskaberne i skemaets rækkefølge', () => {
    expect(run(' Beslutning: ')).toBe('<w:r><w:t xml:space="preserve"> Beslutning: </w:t></w:r>');
    expect(run('b', {}, 'break')).toBe('<w:r><w:br/><w:t xml:space="preserve">b</w:t></w:r>');
    expect(run('v', {}, 'tab')).toBe('<w:r><w:tab/><w:t xml:space="preserve">v</w:t></w:r>');
    expect(run('x', { fill: 'C62828', size: 18, color: '595959', caps: true, italics: true, bold: true, font: 'F', style: 'S' })).toBe(
      '<w:r><w:rPr><w:rStyle w:val="S"/><w:rFonts w:ascii="F" w:cs="F" w:eastAsia="F" w:hAnsi="F"/><w:b/><w:bCs/><w:i/><w:iCs/><w:caps/>' +
        '<w:color w:val="595959"/><w:sz w:val="18"/><w:szCs w:val="18"/><w:shd w:fill="C62828" w:color="auto" w:val="clear"/></w:rPr>' +
        '<w:t xml:space="preserve">x</w:t></w:r>',
    );
    expect(paragraph([], { hanging: 1200, spacing: { after: 40, before: 160 }, tabStop: 1200, keepNext: true, style: 'S' })).toBe(
      '<w:p><w:pPr><w:pStyle w:val="S"/><w:keepNext/><w:tabs><w:tab w:val="left" w:pos="1200"/></w:tabs>' +
        '<w:spacing w:before="160" w:after="40"/><w:ind w:left="1200" w:hanging="1200"/></w:pPr></w:p>',
    );
    expect(heading('1. Punkt', 2)).toContain('<w:pStyle w:val="Heading2"/>');
  });

  it('deler tekst i afsnit ved tomme linjer og bevarer enkelte linjeskift, også fra Windows', () => {
    const paragraphs = textParagraphs('  en\r\nto\r\n\r\n\r\ntre  ');
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs[0]).toBe('<w:p><w:r><w:t xml:space="preserve">en</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">to</w:t></w:r></w:p>');
    expect(textParagraphs(' \n\u0001 ')).toEqual([]);
  });

  it('skriver tabeller med fast bredde, gentaget og skraveret overskriftsrække og et afsnit i hver celle', () => {
    const xml = table(['Hvad', 'Hvem'], [['Linje 1\nLinje 2', ''], [[paragraph([run('færdigt')])], 'Mette']], [0.5, 0.5]);
    expect(xml).toMatch(/^<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="9638"\/>.*<w:tblLayout w:type="fixed"\/>/);
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="4819"/><w:gridCol w:w="4819"/></w:tblGrid>');
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(3);
    expect(xml.match(/<w:shd w:fill="E7E6E6"/g)).toHaveLength(2);
    expect(xml.match(/<w:tc>/g)).toHaveLength(6);
    expect(xml.match(/<w:tc>.*?<\/w:tc>/g)?.every((cell) => cell.includes('<w:p>'))).toBe(true);
    expect(xml).toContain('<w:br/><w:t xml:space="preserve">Linje 2</w:t>');
  });

  it('bruger farvemærkets typografier, når dokumentet har dem, og ellers farven direkte', () => {
    const red = DEFAULT_COLOURS[0]!;
    expect(colourBadge(red, DEFAULT_COLOURS).join('')).toContain('<w:rStyle w:val="FarvemaerkeroedSymbol"/>');
    const other = { ...red, hex: '#123456' };
    const direct = colourBadge(other, DEFAULT_COLOURS).join('');
    expect(direct).not.toContain('w:rStyle');
    expect(direct).toContain('<w:shd w:fill="123456"');
    expect(direct).toContain('Segoe UI Symbol');
  });

  it('peger sidehoved og sidefod ud, som docx har skrevet dem, så de står på hver side', async () => {
    const zip = await JSZip.loadAsync(await buildReferat(benchReferat(3, 'fuld')));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const relationships = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    for (const [kind, target] of [['header', 'header1.xml'], ['footer', 'footer1.xml']] as const) {
      const id = document.match(new RegExp(`<w:${kind}Reference w:type="default" r:id="(rId\\d+)"/>`))?.[1];
      expect(id, kind).toBeDefined();
      expect(relationships).toMatch(new RegExp(`<Relationship Id="${id}" Type="[^"]+/${kind}" Target="${target}"/>`));
    }
    expect(await zip.file('word/header1.xml')?.async('string')).toContain('FORTROLIGT');
    // Exactly one body and one section: the empty body docx wrote is gone.
    expect(document.match(/<w:body>/g)).toHaveLength(1);
    expect(document.match(/<w:sectPr>/g)).toHaveLength(1);
  });

  it('giver enhver tekst uændret tilbage gennem Word-formatet (bortset fra tegn, XML ikke tillader)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (text) => {
        const line = text.replace(/[\r\n\t]/g, ' ');
        const { value } = await mammoth.extractRawText({ buffer: await packed([paragraph([run(line)])]) });
        expect(value.replace(/\n+$/, '')).toBe(cleanText(line));
      }),
      { numRuns: 60 },
    );
    expect(await documentXml(await packed([heading('<&>', 1)]))).toContain('&lt;&amp;&gt;');
    // Sixty packed and unpacked documents take a few seconds on a loaded machine.
  }, 60_000);
});
