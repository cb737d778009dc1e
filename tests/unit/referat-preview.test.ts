import { describe, expect, it } from 'vitest';
import type { Services } from '../../electron/services/dispatch';
import { part, partsOf } from './docx-readback';
import { must, servicesOn } from './support';

/** The demo's held TRIO meeting: a lukket punkt, a decision with dissent, actions. */
async function heldMeeting(services: Services) {
  await must(services, 'demo.install', {});
  const held = (await must(services, 'meetings.list', {})).find((m) => m.status === 'afholdt');
  if (!held) throw new Error('Demoen mangler sit afholdte møde');
  return must(services, 'meetings.get', { meetingId: held.id });
}

/** The words a reader sees in the preview's HTML, in order. */
function wordsOfHtml(html: string): string[] {
  const text = html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  return words(text);
}

/** The words of the exported file's body, read straight from word/document.xml: line breaks and tabs as spaces. */
async function wordsOfFile(base64: string): Promise<string[]> {
  const xml = part(await partsOf(Buffer.from(base64, 'base64')), 'word/document.xml');
  return wordsOfHtml(xml.replace(/<w:(br|tab)\/>|<\/w:p>/g, ' ').replace(/&apos;/g, "'"));
}

function words(text: string): string[] {
  return text.replace(/\u00A0/g, ' ').split(/\s+/).filter((word) => word !== '');
}

describe('forhåndsvisning af referatet', () => {
  it.each(['delt', 'fuld'] as const)('%s: viser præcis den tekst, der eksporteres, i samme rækkefølge', async (variant) => {
    const services = servicesOn();
    const meeting = await heldMeeting(services);
    const file = await must(services, 'documents.referat', { meetingId: meeting.id, variant });
    const preview = await must(services, 'documents.referatPreview', { meetingId: meeting.id, variant });

    expect(preview.fileName).toBe(file.fileName);
    expect(wordsOfHtml(preview.html)).toEqual(await wordsOfFile(file.base64));
    // Structure the app styles: the document's headings under the panel's own, the decisions marked.
    expect(preview.html).toContain('<h3>Punkter</h3>');
    expect(preview.html).toContain('<h4>4. Fælles forberedelsestid i teamene</h4>');
    expect(preview.html).toMatch(/<p class="beslutning"><span class="farvemaerke">/);
    expect(preview.html).toContain('Pædagogerne kan ikke deltage tirsdag');
  });

  it('den delte forhåndsvisning har det lukkede punkt kun som «Lukket punkt», den fulde har det hele', async () => {
    const services = servicesOn();
    const meeting = await heldMeeting(services);
    const secret = meeting.items.find((item) => item.confidential);
    if (!secret) throw new Error('Demoen mangler sit lukkede punkt');
    const shared = await must(services, 'documents.referatPreview', { meetingId: meeting.id, variant: 'delt' });
    const full = await must(services, 'documents.referatPreview', { meetingId: meeting.id, variant: 'fuld' });

    expect(shared.html).not.toContain(secret.title);
    expect(shared.html).toContain(`<h4>${secret.position}. Lukket punkt</h4>`);
    expect(shared.html).not.toContain('FORTROLIGT');
    expect(full.html).toContain(secret.title);
    expect(full.html).toContain('FORTROLIGT');
  });

  it('følger referatet: en rettet beslutning står rettet i forhåndsvisningen', async () => {
    const services = servicesOn();
    const meeting = await heldMeeting(services);
    const item = meeting.items.find((i) => i.title === 'Ny model for tilsyn i frikvartererne');
    if (!item) throw new Error('Demoen mangler punktet om tilsyn');
    await must(services, 'decisions.record', { itemId: item.id, colour: 'gul', text: 'Tilsynet fordeles på faste zoner fra 1. marts.' });
    const preview = await must(services, 'documents.referatPreview', { meetingId: meeting.id, variant: 'delt' });
    expect(preview.html).toContain('Tilsynet fordeles på faste zoner fra 1. marts.');
  });
});
