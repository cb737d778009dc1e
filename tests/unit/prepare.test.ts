import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../../shared/domain/contrast';
import { must, seedSlice, servicesOn } from './support';

describe('før mødet: forum, roller og dagsorden', () => {
  it('spilleregler får en ny version, og de tidligere kan stadig ses', async () => {
    const services = servicesOn();
    const { forum } = await seedSlice(services);
    expect(forum.groundRules).toHaveLength(1);
    expect(forum.groundRules[0]?.text).toMatch(/Alle får ordet/);
    const updated = await must(services, 'forums.updateGroundRules', {
      forumId: forum.id,
      text: 'Vi holder tiden.\nAlle får ordet.',
      note: 'Aftalt på mødet i november',
    });
    expect(updated.groundRules.map((v) => v.version)).toEqual([2, 1]);
    expect(updated.groundRules[0]).toMatchObject({ text: 'Vi holder tiden.\nAlle får ordet.', note: 'Aftalt på mødet i november' });
    const same = await services.call('forums.updateGroundRules', { forumId: forum.id, text: 'Vi holder tiden.\nAlle får ordet.' });
    expect(same).toMatchObject({ ok: false, error: { field: 'text' } });
  });

  it('en TR der afløses midt i året beholder sin historik, og mødet inviterer den der har rollen på dagen', async () => {
    const services = servicesOn();
    const { forum } = await seedSlice(services);
    const old = await must(services, 'members.add', { forumId: forum.id, name: 'Peter Friis', role: 'TR (lærere)', fromDate: '2026-08-01' });
    await must(services, 'members.end', { memberId: old.id, toDate: '2026-10-31' });
    await must(services, 'members.add', { forumId: forum.id, name: 'Jonas Holm', role: 'TR (lærere)', fromDate: '2026-11-01' });
    await must(services, 'members.add', { forumId: forum.id, name: 'Mette Lund', role: 'Skoleleder', fromDate: '2026-08-01', chair: true });
    const members = (await must(services, 'forums.get', { forumId: forum.id })).members;
    expect(members.map((m) => [m.name, m.toDate])).toEqual([
      ['Mette Lund', null],
      ['Jonas Holm', null],
      ['Peter Friis', '2026-10-31'],
    ]);
    const bad = await services.call('members.end', { memberId: old.id, toDate: '2026-07-01' });
    expect(bad).toMatchObject({ ok: false, error: { field: 'toDate' } });

    const meeting = await must(services, 'meetings.create', {
      forumId: forum.id,
      title: 'December',
      startsAt: '2026-12-01T14:00',
      durationMinutes: 90,
    });
    const detail = await must(services, 'meetings.get', { meetingId: meeting.id });
    expect(detail.participants.map((p) => [p.name, p.role, p.facilitator])).toEqual([
      ['Mette Lund', 'Skoleleder', true],
      ['Jonas Holm', 'TR (lærere)', false],
    ]);
    const { name, ...jonas } = detail.participants[1]!;
    expect(name).toBe('Jonas Holm');
    const after = await must(services, 'participants.set', { ...jonas, meetingId: meeting.id, attendance: 'afbud', referent: true });
    expect(after[1]).toMatchObject({ attendance: 'afbud', referent: true });
  });

  it('standarddagsordenen lægges ind, punkter kan flyttes, og numrene holdes sammenhængende', async () => {
    const services = servicesOn();
    const { forum } = await seedSlice(services);
    const meeting = await must(services, 'meetings.create', {
      forumId: forum.id,
      title: 'Januar',
      startsAt: '2027-01-12T14:00',
      durationMinutes: 90,
      useTemplate: true,
    });
    const detail = await must(services, 'meetings.get', { meetingId: meeting.id });
    expect(detail.items.length).toBeGreaterThanOrEqual(5);
    expect(detail.items.map((i) => i.position)).toEqual(detail.items.map((_, n) => n + 1));
    const last = detail.items.at(-1)!;
    const moved = await must(services, 'agenda.moveItem', { itemId: last.id, toPosition: 1 });
    expect(moved.items[0]?.id).toBe(last.id);
    const removed = await must(services, 'agenda.removeItem', { itemId: moved.items[2]!.id });
    expect(removed.items.map((i) => i.position)).toEqual(removed.items.map((_, n) => n + 1));
    expect(removed.items).toHaveLength(detail.items.length - 1);
  });

  it('et følsomt punkt venter på forvarsel, og et sent punkt på samtykke', async () => {
    const services = servicesOn();
    const { meeting } = await seedSlice(services);
    const sensitive = await must(services, 'agenda.addItem', {
      meetingId: meeting.id,
      title: 'Omlægning af vikardækning',
      type: 'droeftelse',
      minutes: 10,
      sensitive: true,
    });
    expect(sensitive).toMatchObject({ sensitive: true, forvarselAt: null, addedLate: false });
    const briefed = await must(services, 'agenda.confirmForvarsel', { itemId: sensitive.id, note: 'TR orienteret mandag' });
    expect(briefed.forvarselAt).not.toBeNull();

    await must(services, 'meetings.markAgendaSent', { meetingId: meeting.id });
    const late = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Sent punkt', type: 'orientering', minutes: 5 });
    expect(late.addedLate).toBe(true);
    const consent = await must(services, 'agenda.recordConsent', { itemId: late.id, consentBy: 'TR (lærere)' });
    expect(consent).toMatchObject({ consentBy: 'TR (lærere)' });
    const notLate = await services.call('agenda.recordConsent', { itemId: sensitive.id, consentBy: 'TR' });
    expect(notLate).toMatchObject({ ok: false });
  });

  it('egne punkttyper kan bruges, ukendte afvises ved feltet', async () => {
    const services = servicesOn();
    const { meeting } = await seedSlice(services);
    const type = await must(services, 'itemTypes.create', { label: 'Høring i MED' });
    expect(type.key).toBe('hoering_i_med');
    const item = await must(services, 'agenda.addItem', { meetingId: meeting.id, title: 'Budget', type: type.key, minutes: 10 });
    expect(item.type).toBe('hoering_i_med');
    const unknown = await services.call('agenda.addItem', { meetingId: meeting.id, title: 'X', type: 'findes_ikke', minutes: 10 });
    expect(unknown).toMatchObject({ ok: false, error: { field: 'type' } });
    expect(await services.call('itemTypes.create', { label: 'høring i med' })).toMatchObject({ ok: false, error: { code: 'konflikt' } });
  });

  it('en forums farve kan ændres, og teksten på den forbliver læsbar', async () => {
    const services = servicesOn();
    const { forum } = await seedSlice(services);
    const updated = await must(services, 'forums.updateColour', {
      forumId: forum.id,
      colour: 'gul',
      label: 'Orange',
      code: 'or',
      meaning: 'Vi hører jer, før vi beslutter.',
      hex: '#ff9800',
    });
    const orange = updated.colours.find((c) => c.key === 'gul')!;
    expect(orange).toMatchObject({ label: 'Orange', code: 'OR', hex: '#FF9800' });
    expect(contrastRatio(orange.hex, orange.textHex)).toBeGreaterThanOrEqual(4.5);
    const clash = await services.call('forums.updateColour', { forumId: forum.id, colour: 'blaa', label: 'Blå', code: 'RØ', meaning: 'x x', hex: '#1565C0' });
    expect(clash).toMatchObject({ ok: false, error: { field: 'code' } });
  });

  it('årshjulet viser forummets møder og temaer i skoleårets måneder', async () => {
    const services = servicesOn();
    const { forum } = await seedSlice(services);
    const theme = await must(services, 'themes.add', { forumId: forum.id, month: 3, title: 'Trivselsmåling' });
    const plan = await must(services, 'forums.yearPlan', { forumId: forum.id, schoolYearStart: 2026 });
    expect(plan.months).toHaveLength(11);
    expect(plan.months.find((m) => m.key === '2026-12')?.meetings.map((m) => m.title)).toEqual(['TRIO-møde']);
    expect(plan.months.find((m) => m.key === '2027-03')?.themes.map((t) => t.title)).toContain('Trivselsmåling');
    await must(services, 'themes.remove', { themeId: theme.id });
    expect(await services.call('themes.remove', { themeId: theme.id })).toMatchObject({ ok: false, error: { code: 'ikke_fundet' } });
  });
});

describe('demoen', () => {
  it('har et afholdt møde med alle fire farver, dissens, handlinger og et lukket punkt, og et kommende møde', async () => {
    const services = servicesOn();
    const { forumId } = await must(services, 'demo.install', {});
    const meetings = await must(services, 'meetings.list', { forumId });
    expect(meetings.map((m) => m.status).sort()).toEqual(['afholdt', 'planlagt']);
    const held = await must(services, 'meetings.get', { meetingId: meetings.find((m) => m.status === 'afholdt')!.id });
    const colours = held.items.flatMap((i) => (i.decision ? [i.decision.colour] : []));
    expect(new Set(colours)).toEqual(new Set(['roed', 'gul', 'groen', 'blaa']));
    expect(held.items.some((i) => i.decision?.dissents.some((d) => d.minorityStatement && d.role !== ''))).toBe(true);
    expect(held.items.some((i) => i.confidential)).toBe(true);
    expect(held.participants.some((p) => p.attendance === 'afbud')).toBe(true);
    const upcoming = await must(services, 'meetings.get', { meetingId: meetings.find((m) => m.status === 'planlagt')!.id });
    expect(upcoming.followUp.length).toBeGreaterThanOrEqual(2);
    // Its sensitive item has had its forvarsel: the demo shows the norm kept, not a warning about itself.
    expect(upcoming.items.some((i) => i.sensitive && i.forvarselAt !== null && i.forvarselNote !== '')).toBe(true);
    const dagsorden = await must(services, 'documents.dagsorden', { meetingId: upcoming.id, variant: 'delt' });
    expect(dagsorden.fileName).toMatch(/^Dagsorden TRIO \d{4}-\d{2}-\d{2} \(delt\)\.docx$/);

    expect(await services.call('demo.install', {})).toMatchObject({ ok: false, error: { code: 'konflikt' } });
    expect(await must(services, 'demo.remove', {})).toEqual({ removed: 1 });
    expect(await must(services, 'forums.list', {})).toEqual([]);
    expect(await must(services, 'meetings.list', {})).toEqual([]);
  });
});
