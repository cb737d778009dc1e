import { afterEach, describe, expect, it } from 'vitest';
import { openArchive } from '../../electron/archive/open';
import { createContext } from '../../electron/services/context';
import { createServices, type Services } from '../../electron/services/dispatch';
import { itemWarnings } from '../../shared/domain/agendaWarnings';
import { decisionWarnings } from '../../shared/domain/decisionWarnings';
import { schoolYearOf } from '../../shared/domain/yearPlan';
import { must, tempArchivePath } from './support';

/**
 * The demo is the first thing a new skoleleder sees. A warning it raises about itself («Der er gået 99 dage
 * uden møde», a missing forvarsel, a decision «without anyone responsible», a decision recorded weeks after its
 * meeting) teaches the user to ignore warnings. So the demo is installed on days spread over the school year,
 * and every warning the app would show is asked for.
 */
const DAYS = [
  new Date(2026, 8, 22, 9, 30), // September, a month after school start
  new Date(2026, 11, 6, 16, 20), // December, a Sunday
  new Date(2027, 0, 5, 8, 0), // just after the Christmas holiday
  new Date(2027, 2, 17, 12, 0), // March
  new Date(2027, 5, 14, 15, 0), // June, before the summer holiday
];

const opened: Services[] = [];
afterEach(() => {
  for (const services of opened.splice(0)) services.close();
});

function demoOn(now: Date): Services {
  const services = createServices({ ...createContext(openArchive(tempArchivePath()), 'test'), now: () => now });
  opened.push(services);
  return services;
}

const day = (iso: string) => iso.slice(0, 10);
const localDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

describe('demoen advarer ikke om sig selv', () => {
  for (const now of DAYS) {
    it(`installeret ${localDay(now)}: ingen advarsler på dagsorden, beslutninger, årshjul og sag, og datoerne hænger sammen`, async () => {
      const services = demoOn(now);
      const today = localDay(now);
      const { forumId } = await must(services, 'demo.install', {});
      const warnings: string[] = [];

      const plan = await must(services, 'forums.yearPlan', { forumId, schoolYearStart: schoolYearOf(today) });
      warnings.push(...plan.warnings.map((w) => `Årshjul: ${w.message}`));

      const sagIds = new Set<string>();
      for (const summary of await must(services, 'meetings.list', { forumId })) {
        const meeting = await must(services, 'meetings.get', { meetingId: summary.id });
        const held = meeting.status === 'afholdt';
        // A held meeting lies in the past, a planned one ahead; the overview's «Kommende møder» agrees.
        expect(day(meeting.startsAt) <= today, `${meeting.title} ${meeting.startsAt}`).toBe(held);
        for (const item of meeting.items) {
          const where = `${meeting.title} · ${item.title}`;
          warnings.push(...itemWarnings(item).map((w) => `${where}: ${w.message}`));
          if (item.sag) sagIds.add(item.sag.id);
          const { decision } = item;
          if (decision) {
            const context = { announcedColour: item.announcedColour, actionCount: item.actions.length, itemOwner: item.owner };
            warnings.push(...decisionWarnings(decision, context).map((w) => `${where}: ${w.message}`));
            if (decision.colour !== item.announcedColour && decision.colourReason.trim() === '') {
              warnings.push(`${where}: farven skiftede uden begrundelse`);
            }
            // Recorded and read back at the meeting, not on the day the demo was installed.
            expect(day(decision.recordedAt), where).toBe(day(meeting.startsAt));
            expect(decision.finalAt && day(decision.finalAt), where).toBe(day(meeting.startsAt));
          }
          for (const action of item.actions) {
            expect(day(action.createdAt), `${where}: ${action.what}`).toBe(day(meeting.startsAt));
          }
        }
      }

      expect(sagIds.size).toBe(1);
      for (const sagId of sagIds) {
        const sag = await must(services, 'sager.get', { sagId });
        const starts = sag.entries.map((e) => e.meetingStartsAt);
        expect(starts, 'sagens trin i mødernes rækkefølge').toEqual([...starts].sort());
        expect(sag.entries.map((e) => e.steps)).toEqual([['rejst', 'besluttet', 'fulgt_op'], ['paa_dagsordenen']]);
        for (const entry of sag.entries) {
          for (const action of entry.actions) {
            for (const note of action.notes) {
              // A status note on the sag's action is written between the meeting that agreed it and today.
              expect(note.createdAt >= entry.meetingStartsAt && day(note.createdAt) <= today, `${action.what}: ${note.note}`).toBe(true);
            }
          }
        }
      }

      expect(warnings).toEqual([]);
    });
  }
});
