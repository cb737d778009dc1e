/**
 * Warnings that sit on an agenda item, in words: the norms a forum has agreed on (no "bomber", a
 * beslutning announces its colour, late items need consent) made visible before the meeting.
 */
export interface ItemForWarnings {
  type: string;
  announcedColour: string | null;
  sensitive: boolean;
  forvarselAt: string | null;
  addedLate: boolean;
  consentAt: string | null;
}

export type ItemWarningKind = 'farve_mangler' | 'forvarsel_mangler' | 'samtykke_mangler';

export interface ItemWarning {
  kind: ItemWarningKind;
  message: string;
}

export function itemWarnings(item: ItemForWarnings): ItemWarning[] {
  const warnings: ItemWarning[] = [];
  if (item.type === 'beslutning' && item.announcedColour === null) {
    warnings.push({ kind: 'farve_mangler', message: 'Beslutningspunktet mangler en varslet farve.' });
  }
  if (item.sensitive && item.forvarselAt === null) {
    warnings.push({
      kind: 'forvarsel_mangler',
      message: 'Forvarsel mangler: bekræft, at den anden part er orienteret, før punktet tages op.',
    });
  }
  if (item.addedLate && item.consentAt === null) {
    warnings.push({
      kind: 'samtykke_mangler',
      message: 'Punktet kom på efter, at dagsordenen blev sendt ud. Det kræver samtykke fra medejeren af dagsordenen.',
    });
  }
  return warnings;
}

/** Minutes the agenda is over the meeting's length; 0 when it fits. */
export function minutesOver(plannedMinutes: number, meetingMinutes: number): number {
  return Math.max(0, plannedMinutes - meetingMinutes);
}
