import type { ForumSyncStatus } from '../../shared/sync/status';

const changes = (n: number) => (n === 1 ? '1 ændring' : `${n} ændringer`);

/**
 * What the status line says about a shared forum: a short label and a whole sentence for screen readers
 * and the tooltip. The words carry the state; the mark beside them only repeats it.
 */
export function syncStatusText({ state, waiting }: ForumSyncStatus): { label: string; sentence: string } {
  switch (state) {
    case 'forbundet':
      return waiting === 0
        ? { label: 'Forbundet', sentence: 'Forummet er delt og forbundet: det, du skriver, når de andre medlemmer med det samme.' }
        : {
            label: `Forbundet (sender ${changes(waiting)})`,
            sentence: `Forummet er delt og forbundet; ${changes(waiting)} fra denne computer er på vej til serveren.`,
          };
    case 'offline':
      return {
        label: `Arbejder offline (${waiting === 0 ? 'ingen ændringer venter' : `${changes(waiting)} venter`})`,
        sentence:
          waiting === 0
            ? 'Serveren kan ikke nås lige nu. Du kan arbejde videre; alt gemmes på denne computer og deles, når forbindelsen er tilbage.'
            : `Serveren kan ikke nås lige nu. ${changes(waiting)} er gemt på denne computer og sendes, når forbindelsen er tilbage.`,
      };
    case 'adgang-fjernet':
      return {
        label: 'Adgang fjernet',
        sentence:
          'Serveren har fjernet denne computers adgang til forummet. Din egen kopi er bevaret her, men deles ikke længere. Tal med forummets administrator, hvis det er en fejl.',
      };
  }
}

export const syncText = {
  /** Names the line for assistive technology, before its sentence. */
  region: 'Deling',
};
