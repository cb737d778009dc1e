import type { Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import { type Api, apiOf, expect, expectAccessible, screenshot, test } from './fixtures';

/**
 * The projector shows the whole of a long decision with its dissent, and a long item, on one screen at
 * the common projector sizes: the text scales down to a readable minimum, and only then pages.
 */

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** A decision as a TRIO really writes one when it has been hard: long, with conditions and dates. */
const LONG_DECISION =
  'TRIO’en beslutter, at tilsynet i 10-frikvarteret fra 1. februar fordeles efter den nye model: to voksne i skolegården, ' +
  'én i hallen og én på mellemtrinnets gang, og at pædagogerne ikke længere tager tilsyn i spisefrikvarteret på mellemtrinnet. ' +
  'Timerne findes ved at flytte to lektioner holddeling fra 6. årgang, som teamet selv fordeler. Ordningen evalueres på TRIO-mødet ' +
  'i april med AMR’s gennemgang af henvendelserne siden jul, og indtil da meldes problemer til skolelederen og AMR med det samme.';
const DISSENT =
  'Pædagogerne kan ikke støtte, at holddelingen i 6. årgang betaler for tilsynet, og ønsker det ført til referat som mindretalsudtalelse.';
/** Longer than any wall can hold at a readable size: it has to page. */
const VERY_LONG_DECISION = Array.from({ length: 7 }, () => LONG_DECISION).join(' ');
const LONG_TITLE =
  'Fordeling af tilsynsopgaver i frikvartererne, herunder spisefrikvarteret på mellemtrinnet og hallen i vinterhalvåret, efter AMR’s gennemgang af henvendelserne';

async function meetingReadingBack(api: Api, decision: string): Promise<{ meetingId: string; itemId: string }> {
  const forum = await api('forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const meeting = await api('meetings.create', {
    forumId: forum['id'],
    title: 'TRIO-møde januar',
    startsAt: `${format(addDays(new Date(), 7), 'yyyy-MM-dd')}T14:00`,
    durationMinutes: 60,
  });
  const item = await api('agenda.addItem', { meetingId: meeting['id'], title: LONG_TITLE, type: 'beslutning', announcedColour: 'gul', minutes: 15 });
  await api('run.start', { meetingId: meeting['id'] });
  await api('run.goTo', { meetingId: meeting['id'], phase: 'punkt', itemId: item['id'] });
  await api('run.setProcess', { itemId: item['id'], process: 'runde' });
  await api('decisions.record', { itemId: item['id'], colour: 'gul', text: decision, dissents: [{ name: 'Sara Nielsen', role: 'TR (pædagoger)', text: DISSENT, minorityStatement: true }], decidedBy: 'Skolelederen' });
  return { meetingId: String(meeting['id']), itemId: String(item['id']) };
}

/** A fresh projector page: only the hash would differ, and a hash change alone reloads nothing. */
async function openProjector(page: Page, url: string, meetingId: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${url}/#praesentation=${meetingId}`);
}

interface Fit {
  viewport: { width: number; height: number };
  scrolls: boolean;
  /** Text boxes that reach outside the window. */
  outside: string[];
  /** The page's base size and the smallest text size in its main area. */
  base: number;
  smallest: number;
}

/** Measures the projector page: every text box inside the window, nothing scrolls, and the smallest type. */
async function measure(page: Page): Promise<Fit> {
  return page.evaluate(`(() => {
    const base = parseFloat(getComputedStyle(document.querySelector('.presenter')).fontSize);
    const frame = document.querySelector('.presenter-fit');
    const clip = frame ? frame.getBoundingClientRect() : null;
    const outside = [];
    let smallest = Infinity;
    for (const el of document.querySelectorAll('.presenter p, .presenter h1, .presenter h2, .presenter dd, .presenter li')) {
      if (!el.textContent.trim()) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize));
      const box = el.getBoundingClientRect();
      // Paged text lies beyond its frame on purpose; the frame itself must be inside the window.
      const paged = frame && frame.classList.contains('paged') && frame.contains(el);
      const b = paged ? clip : box;
      if (b.left < -0.5 || b.top < -0.5 || b.right > innerWidth + 0.5 || b.bottom > innerHeight + 0.5) outside.push(el.textContent.slice(0, 40));
    }
    const root = document.scrollingElement;
    return {
      viewport: { width: innerWidth, height: innerHeight },
      scrolls: root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1,
      outside,
      base,
      smallest,
    };
  })()`);
}

/** The readable minimum: three quarters of the page's base size (24px at 1280×720). */
function expectReadable(fit: Fit): void {
  expect(fit.scrolls, `${fit.viewport.width}×${fit.viewport.height} ruller`).toBe(false);
  expect(fit.outside, `${fit.viewport.width}×${fit.viewport.height}: tekst uden for skærmen`).toEqual([]);
  expect(fit.smallest, `${fit.viewport.width}×${fit.viewport.height}: mindste skrift`).toBeGreaterThanOrEqual(0.75 * fit.base - 0.5);
}

test('projektoren viser en lang beslutning med dissens og et langt punkt helt, uden at rulle, i tre størrelser', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const api = apiOf(page, harness.url);
  const { meetingId, itemId } = await meetingReadingBack(api, LONG_DECISION);

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await openProjector(page, harness.url, meetingId);
    // The item first: a long title with its colour, meaning, process and clock.
    await expect(page.getByRole('heading', { level: 1, name: LONG_TITLE })).toBeVisible();
    await expect(page.getByRole('timer')).toBeVisible();
    expectReadable(await measure(page));
    await screenshot(page, `projektor-punkt-${size.width}x${size.height}`);
  }

  await api('decisions.readBack', { itemId });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await openProjector(page, harness.url, meetingId);
    await expect(page.getByText(LONG_DECISION)).toBeVisible();
    await expect(page.getByText(DISSENT, { exact: false })).toBeVisible();
    // It fits without pages at every size.
    await expect(page.getByText(/^Side \d+ af \d+/)).toHaveCount(0);
    expectReadable(await measure(page));
    await screenshot(page, `projektor-oplaesning-lang-${size.width}x${size.height}`);
  }
  await expectAccessible(page, 'Projektor: lang oplæsning');
});

test('en beslutning for lang til skærmen vises side for side i læsbar størrelse, og hele teksten kommer med', async ({ page, harness }) => {
  test.setTimeout(120_000);
  const api = apiOf(page, harness.url);
  const { meetingId, itemId } = await meetingReadingBack(api, VERY_LONG_DECISION);
  await api('decisions.readBack', { itemId });

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await openProjector(page, harness.url, meetingId);
    const pager = page.getByText(/^Side \d+ af \d+/);
    await expect(pager).toHaveText(/^Side 1 af \d+/);
    expectReadable(await measure(page));
    const pages = Number((await pager.textContent())?.match(/af (\d+)/)?.[1]);
    expect(pages).toBeGreaterThan(1);
    // The pages together hold all of the text: whole lines, none skipped.
    const cover = await page.evaluate(`(() => {
      const frame = document.querySelector('.presenter-fit');
      const inner = document.querySelector('.presenter-fit-inner');
      const line = parseFloat(getComputedStyle(inner).lineHeight);
      return { page: frame.clientHeight, all: inner.scrollHeight, line };
    })()`) as { page: number; all: number; line: number };
    expect(cover.page * pages).toBeGreaterThanOrEqual(cover.all - 1);
    expect(Math.abs(cover.page / cover.line - Math.round(cover.page / cover.line))).toBeLessThan(0.01);
    if (size.width === 1280) await screenshot(page, 'projektor-oplaesning-sider-1');
    // PageDown in the projector window turns to the next page.
    await page.keyboard.press('PageDown');
    await expect(pager).toHaveText(/^Side 2 af \d+/);
    expectReadable(await measure(page));
    if (size.width === 1280) await screenshot(page, 'projektor-oplaesning-sider-2');
  }
});
