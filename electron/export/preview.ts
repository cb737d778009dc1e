/**
 * A finished Word file read back as HTML for the preview in the app. It is the exported file itself that
 * is read, not a second rendering of the meeting, so the preview cannot drift from the document: what the
 * agenda owners read before approving is what is sent. The document's headings become h3 and h4, so they
 * sit under the panel's own heading, and the referat's named styles become classes the app styles.
 * Plain Node: never imports Electron.
 */
import mammoth from 'mammoth';

const STYLE_MAP = [
  "p[style-name='Title'] => p.dokument-titel:fresh",
  "p[style-name='Heading 1'] => h3:fresh",
  "p[style-name='Heading 2'] => h4:fresh",
  "p[style-name='Punktfakta'] => p.punktfakta:fresh",
  "p[style-name='Beslutning'] => p.beslutning:fresh",
  "p[style-name='Punktnote'] => p.punktnote:fresh",
  "p[style-name='Fair Proces-titel'] => p.fair-titel:fresh",
  "p[style-name='Fair Proces'] => p.fair:fresh",
  "r[style-name^='Farvemærke'] => span.farvemaerke",
  "r[style-name='Fair Proces-princip'] => strong",
  "r[style-name='Fair Proces-etiket'] => em",
  "r[style-name='Etiket'] => strong",
];

export async function documentHtml(buffer: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer }, { styleMap: STYLE_MAP, ignoreEmptyParagraphs: true });
  return value;
}
