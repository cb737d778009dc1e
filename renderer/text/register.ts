import type { ColourKey } from '../../shared/domain/colours';
import { wholeNumber } from '../../shared/wholeNumber';

const years = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;

/** How a colour reads in a Danish count: "1 rød", "4 røde". */
const COLOUR_WORDS: Record<ColourKey, [one: string, many: string]> = {
  roed: ['rød', 'røde'],
  gul: ['gul', 'gule'],
  groen: ['grøn', 'grønne'],
  blaa: ['blå', 'blå'],
};

export const registerText = {
  confidential: 'Vis også beslutninger fra lukkede punkter',
  confidentialHint: 'Lukkede punkter er fortrolige. Slå det kun til, når ingen uvedkommende kan se skærmen.',
  title: 'Beslutningslog',
  intro: 'Alle beslutninger på tværs af fora, nyeste først. Afgræns på forum, farve, periode eller ord i beslutningen.',
  filters: 'Afgræns beslutningsloggen',
  from: 'Fra dato',
  to: 'Til dato',
  text: 'Ord i beslutningen',
  textHint: 'Et ord finder også længere ord, der begynder med det.',
  clear: 'Nulstil afgrænsningen',
  list: 'Beslutninger',
  loading: 'Henter beslutninger …',
  none: 'Ingen beslutninger er registreret endnu.',
  noneFiltered: 'Ingen beslutninger passer til afgrænsningen.',
  /** «Viser 50 af 1.234 …» once the count has arrived; the list itself never waits for it. */
  count: (n: number, more: boolean, total: number | undefined) =>
    more
      ? `Viser ${n}${total === undefined ? '' : ` af ${wholeNumber(total)}`} beslutninger, nyeste først. Flere hentes, når du ruller.`
      : n === 1
        ? '1 beslutning.'
        : `${n} beslutninger, nyeste først.`,
  openMeeting: (title: string, date: string) => `Åbn mødet ${title}, ${date}`,
  openDecision: (title: string, date: string) => `Åbn beslutningen om ${title}, ${date}`,
  unresolvedTag: 'Afklaring uden enighed',
  sag: (title: string) => `Sag: ${title}`,
  openSag: (title: string) => `Sag: ${title} – vis sagens forløb`,

  chartTitle: (forum: string) => `Beslutninger i ${forum} efter farve`,
  chartIntro: 'Hvor meget orienterer ledelsen, hører forummet eller beslutter sammen? Hver søjle er en måned i skoleåret. Farverne har hver deres mønster og kode.',
  switcherLabel: 'Vælg skoleår',
  previous: '‹ Forrige',
  next: 'Næste ›',
  previousName: (start: number) => `Forrige skoleår, ${years(start)}`,
  nextName: (start: number) => `Næste skoleår, ${years(start)}`,
  schoolYear: (start: number) => `Skoleåret ${years(start)}`,
  chartLoading: 'Henter diagrammet …',
  /** "I skoleåret 2026/27: 4 røde, 3 gule, 7 grønne, 2 blå beslutninger" */
  summary: (yearsLabel: string, counts: Record<ColourKey, number>, unresolved: number) => {
    const total = counts.roed + counts.gul + counts.groen + counts.blaa;
    if (total + unresolved === 0) return `I skoleåret ${yearsLabel}: ingen beslutninger`;
    const parts = (Object.keys(COLOUR_WORDS) as ColourKey[]).map((key) => {
      const [one, many] = COLOUR_WORDS[key];
      return `${counts[key]} ${counts[key] === 1 ? one : many}`;
    });
    const list = `${parts.join(', ')} ${total === 1 ? 'beslutning' : 'beslutninger'}`;
    const extra = unresolved === 0 ? '' : `, ${unresolved} ${unresolved === 1 ? 'afklaring' : 'afklaringer'} uden enighed`;
    return `I skoleåret ${yearsLabel}: ${list}${extra}`;
  },
  legendTitle: 'Sådan læses diagrammet',
  unresolvedLabel: 'Afklaring uden enighed',
  unresolvedCode: 'AU',
  unresolvedMeaning: 'Punktet blev afklaret, men forummet blev ikke enigt.',
  tableToggle: 'Vis tallene som tabel',
  tableCaption: (forum: string, yearsLabel: string) => `Beslutninger i ${forum} pr. måned, skoleåret ${yearsLabel}`,
  month: 'Måned',
  total: 'I alt',
  monthNames: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'] as const,
  shortMonths: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'] as const,
};
