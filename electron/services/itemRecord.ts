/**
 * The lines a dagsorden or referat adds under an item so the document says what happened around it:
 * whether forvarsel was given, who consented to a late item, and where the item stands in its sag.
 * Written here once, so the documents and the import's answer use the same words.
 */
import { format } from 'date-fns';
import { da } from 'date-fns/locale';
import type { SagEntry } from '../../shared/api/methods/sager';
import type { AgendaItem } from '../../shared/api/types';
import { SAG_STEP_LABELS } from '../../shared/domain/sager';
import type { SqliteDb } from '../archive/open';
import { findSag, sagItemPlace } from '../archive/queries/sager';
import type { ItemNorm, ItemSagLine } from '../export/dagsorden-model';
import { sharedSagTimeline } from './redaction';
import { sagTimeline } from './sager';

type NormFacts = Pick<AgendaItem, 'sensitive' | 'forvarselAt' | 'forvarselNote' | 'addedLate' | 'consentBy' | 'consentAt'>;

const dayOf = (iso: string) => format(new Date(iso), 'd. MMMM yyyy', { locale: da });
/** A note typed with or without a full stop reads the same in a sentence. */
const sentence = (text: string) => text.trim().replace(/[.\s]+$/, '');

export const FORVARSEL_MISSING = 'Forvarsel mangler: den anden part er ikke bekræftet orienteret før mødet.';
export const CONSENT_MISSING = 'Sat på dagsordenen efter udsendelsen, uden registreret samtykke fra medejeren af dagsordenen.';

/** Forvarsel for a sensitive item and consent for a late one, given (with when and by whom) or missing. */
export function itemNorms(item: NormFacts): ItemNorm[] {
  const norms: ItemNorm[] = [];
  if (item.sensitive) {
    if (item.forvarselAt === null) norms.push({ text: FORVARSEL_MISSING, missing: true });
    else {
      const note = sentence(item.forvarselNote);
      norms.push({ text: `Forvarsel givet ${dayOf(item.forvarselAt)}${note === '' ? '' : `: ${note}`}.`, missing: false });
    }
  }
  if (item.addedLate) {
    if (item.consentAt === null) norms.push({ text: CONSENT_MISSING, missing: true });
    else {
      norms.push({
        text: `Sat på dagsordenen efter udsendelsen, med samtykke fra ${sentence(item.consentBy)} ${dayOf(item.consentAt)}.`,
        missing: false,
      });
    }
  }
  return norms;
}

function entryText(entry: SagEntry): string {
  const steps = entry.steps.map((step) => {
    const label = SAG_STEP_LABELS[step].toLowerCase();
    return step === 'besluttet' && entry.decision ? `${label} (${entry.decision.colour.label.toLowerCase()})` : label;
  });
  const what = steps.length === 0 ? 'på dagsordenen' : steps.join(' og ');
  return `${what} i ${entry.forumName} ${dayOf(entry.meetingStartsAt)}`;
}

/**
 * For each item in a sag: the sag's title and its earlier steps (meetings before this one) in one line.
 * A shared document reads the sag as a reader without the confidential right may see it.
 */
export function sagLines(
  db: SqliteDb,
  meeting: { startsAt: string; items: readonly Pick<AgendaItem, 'id' | 'sag'>[] },
  now: string,
  shared: boolean,
): Map<string, ItemSagLine> {
  const lines = new Map<string, ItemSagLine>();
  for (const item of meeting.items) {
    if (!item.sag) continue;
    // An approved referat names the sag as it stood then; the sag may since have been merged into
    // another (follow the item there) or dissolved (say so, under the name the referat approved).
    const sagId = findSag(db, item.sag.id) ? item.sag.id : (sagItemPlace(db, item.id)?.sagId ?? null);
    if (sagId === null) {
      lines.set(item.id, { title: item.sag.title, earlier: 'Sagen findes ikke længere i arkivet.' });
      continue;
    }
    const full = sagTimeline(db, sagId, now);
    const timeline = shared ? sharedSagTimeline(full) : full;
    const earlier = timeline.entries.filter((e) => e.meetingStartsAt < meeting.startsAt && e.itemId !== item.id);
    lines.set(item.id, {
      title: timeline.title,
      earlier: earlier.length === 0 ? 'Første gang sagen er på en dagsorden.' : `Tidligere: ${earlier.map(entryText).join('; ')}.`,
    });
  }
  return lines;
}
