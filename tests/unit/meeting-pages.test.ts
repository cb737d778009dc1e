import { describe, expect, test } from 'vitest';
import { must, servicesOn } from './support';

/** Twelve meetings a week apart from 1 December 2026 in one forum, two in another; the first four held. */
async function twoForums() {
  const services = servicesOn();
  const trio = await must(services, 'forums.create', { kind: 'trio', name: 'TRIO', school: 'Egeskolen' });
  const council = await must(services, 'forums.create', { kind: 'udviklingsraad', name: 'Udviklingsrådet', school: 'Egeskolen' });
  const trioMeetings = [];
  for (let week = 0; week < 12; week += 1) {
    const day = new Date(Date.UTC(2026, 11, 1 + 7 * week)).toISOString().slice(0, 10);
    trioMeetings.push(await must(services, 'meetings.create', { forumId: trio.id, title: `TRIO ${week + 1}`, startsAt: `${day}T14:00`, durationMinutes: 60 }));
  }
  for (const meeting of trioMeetings.slice(0, 4)) {
    await must(services, 'run.start', { meetingId: meeting.id });
    await must(services, 'run.end', { meetingId: meeting.id });
  }
  await must(services, 'meetings.create', { forumId: council.id, title: 'Råd 1', startsAt: '2026-12-03T16:00', durationMinutes: 90 });
  await must(services, 'meetings.create', { forumId: council.id, title: 'Råd 2', startsAt: '2027-03-03T16:00', durationMinutes: 90 });
  return { services, trio, council };
}

describe('meetings a page at a time', () => {
  test('pages run newest first without gaps or repeats, and count all meetings', async () => {
    const { services } = await twoForums();
    const first = await must(services, 'meetings.page', { limit: 5 });
    const second = await must(services, 'meetings.page', { limit: 5, offset: 5 });
    const last = await must(services, 'meetings.page', { limit: 5, offset: 10 });
    expect([first.total, second.total, last.total]).toEqual([14, 14, 14]);
    const all = [...first.rows, ...second.rows, ...last.rows];
    expect(all).toHaveLength(14);
    expect(new Set(all.map((m) => m.id)).size).toBe(14);
    const starts = all.map((m) => m.startsAt);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(all[0]?.title).toBe('Råd 2');
  });

  test('a forum, a status and «awaiting approval» narrow the page and its count', async () => {
    const { services, council, trio } = await twoForums();
    const councilPage = await must(services, 'meetings.page', { forumId: council.id });
    expect(councilPage.rows.map((m) => m.title)).toEqual(['Råd 2', 'Råd 1']);
    expect(councilPage.total).toBe(2);
    const held = await must(services, 'meetings.page', { forumId: trio.id, status: 'afholdt' });
    expect(held.rows.map((m) => m.title)).toEqual(['TRIO 4', 'TRIO 3', 'TRIO 2', 'TRIO 1']);
    const awaiting = await must(services, 'meetings.page', { awaitingApproval: true, limit: 2 });
    expect(awaiting.total).toBe(4);
    expect(awaiting.rows).toHaveLength(2);
    const unknown = await services.call('meetings.page', { forumId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.ok).toBe(false);
  });

  test('the overview holds the next few meetings and the referater that have waited longest, bounded', async () => {
    const { services } = await twoForums();
    const overview = await must(services, 'meetings.overview', { from: '2026-12-20T00:00', limit: 3 });
    // TRIO 4 (22 December) was held ahead of its planned day: it is done, not coming.
    expect(overview.upcoming.map((m) => m.title)).toEqual(['TRIO 5', 'TRIO 6', 'TRIO 7']);
    expect(overview.upcoming.every((m) => m.status === 'planlagt')).toBe(true);
    expect(overview.awaitingApproval.map((m) => m.title)).toEqual(['TRIO 1', 'TRIO 2', 'TRIO 3']);
    expect(overview.awaitingApprovalCount).toBe(4);
    const tooMany = await services.call('meetings.overview', { from: '2026-12-20T00:00', limit: 500 });
    expect(tooMany.ok).toBe(false);
  });
});
