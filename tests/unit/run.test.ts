import { describe, expect, it } from 'vitest';
import { createServices } from '../../electron/services/dispatch';
import { openArchive } from '../../electron/archive/open';
import { must, seedSlice, tempArchivePath } from './support';

/** Services with a clock the test moves, so timers can be checked without waiting. */
function servicesWithClock() {
  let now = new Date('2026-12-01T13:00:00Z');
  const archive = openArchive(tempArchivePath());
  const services = createServices({ archive, appVersion: 'test', now: () => now, newId: () => crypto.randomUUID(), notices: [] });
  return { services, tick: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)) };
}

describe('afvikling af mødet', () => {
  it('tiden tæller kun, mens den kører, og stopper når facilitatoren går videre', async () => {
    const { services, tick } = servicesWithClock();
    const { meeting, decisionItem, talkItem } = await seedSlice(services);
    await must(services, 'run.start', { meetingId: meeting.id });
    await must(services, 'run.goTo', { meetingId: meeting.id, phase: 'punkt', itemId: decisionItem.id });
    await must(services, 'run.timer', { itemId: decisionItem.id, action: 'start' });
    tick(90);
    const paused = await must(services, 'run.timer', { itemId: decisionItem.id, action: 'pause' });
    expect(paused).toMatchObject({ timerElapsed: 90, timerStartedAt: null, runState: 'igang' });
    tick(600);
    await must(services, 'run.timer', { itemId: decisionItem.id, action: 'start' });
    tick(30);
    const moved = await must(services, 'run.goTo', { meetingId: meeting.id, phase: 'punkt', itemId: talkItem.id });
    expect(moved.items[0]).toMatchObject({ timerElapsed: 120, timerStartedAt: null, runState: 'faerdig' });
    expect(moved.items[1]?.runState).toBe('igang');
    expect(moved.run).toMatchObject({ phase: 'punkt', currentItemId: talkItem.id });
  });

  it('tid tages kun fra et senere punkt, og det afgivende punkt beholder mindst et minut', async () => {
    const { services } = servicesWithClock();
    const { decisionItem, talkItem } = await seedSlice(services);
    const moved = await must(services, 'run.takeMinutes', { itemId: decisionItem.id, fromItemId: talkItem.id, minutes: 5 });
    expect(moved.items.map((i) => i.minutes)).toEqual([25, 20]);
    expect(moved.plannedMinutes).toBe(45);
    expect(await services.call('run.takeMinutes', { itemId: decisionItem.id, fromItemId: talkItem.id, minutes: 20 })).toMatchObject({
      ok: false,
      error: { field: 'minutes' },
    });
    expect(await services.call('run.takeMinutes', { itemId: talkItem.id, fromItemId: decisionItem.id, minutes: 1 })).toMatchObject({
      ok: false,
      error: { field: 'fromItemId' },
    });
  });

  it('et parkeret punkt kommer på forummets næste møde, også hvis det planlægges bagefter', async () => {
    const { services } = servicesWithClock();
    const { forum, talkItem, decisionItem } = await seedSlice(services);
    await must(services, 'run.park', { itemId: talkItem.id });
    const next = await must(services, 'meetings.create', { forumId: forum.id, title: 'Januar', startsAt: '2027-01-12T14:00', durationMinutes: 90 });
    const carried = await must(services, 'meetings.get', { meetingId: next.id });
    expect(carried.items.map((i) => [i.title, i.carriedFromItemId])).toEqual([['APV', talkItem.id]]);

    await must(services, 'run.park', { itemId: decisionItem.id });
    const again = await must(services, 'meetings.get', { meetingId: next.id });
    expect(again.items.map((i) => i.title)).toEqual(['APV', 'Fordeling af tilsyn']);
  });

  it('resten af et punkt kan blive en handling, og forummets krav om frist håndhæves', async () => {
    const { services } = servicesWithClock();
    const { forum, meeting, talkItem } = await seedSlice(services);
    const detail = await must(services, 'run.toAction', { itemId: talkItem.id, what: 'Undersøge APV-tal', who: 'AMR', due: null });
    expect(detail.items[1]?.runState).toBe('handling');
    expect(detail.items[1]?.actions.map((a) => a.what)).toEqual(['Undersøge APV-tal']);

    await must(services, 'forums.update', { forumId: forum.id, name: 'TRIO', school: 'Egeskolen', requireActionDue: true });
    const noDue = await services.call('actions.create', { meetingId: meeting.id, what: 'Skriv nyhedsbrev', who: 'TR' });
    expect(noDue).toMatchObject({ ok: false, error: { field: 'due', message: expect.stringMatching(/frist/) } });
    const onMeeting = await must(services, 'actions.create', { meetingId: meeting.id, what: 'Skriv nyhedsbrev', who: 'TR', due: '2026-12-10', term: 'lang' });
    expect(onMeeting).toMatchObject({ itemId: null, meetingId: meeting.id, term: 'lang' });
    expect((await must(services, 'meetings.get', { meetingId: meeting.id })).otherActions).toHaveLength(1);
  });

  it('en beslutning er et udkast, indtil den er læst op og godkendt; en ændring gør den til udkast igen', async () => {
    const { services } = servicesWithClock();
    const { meeting, decisionItem } = await seedSlice(services);
    await must(services, 'run.start', { meetingId: meeting.id });
    const draft = await must(services, 'decisions.record', {
      itemId: decisionItem.id,
      colour: 'gul',
      text: 'Ny tilsynsmodel fra januar.',
      dissents: [{ role: 'TR (pædagoger)', text: 'Vi ønsker en anden placering.' }],
      involveHow: 'Teamene blev hørt i november.',
    });
    expect(draft).toMatchObject({ finalAt: null, outcome: 'beslutning', involveHow: 'Teamene blev hørt i november.' });
    await must(services, 'decisions.readBack', { itemId: decisionItem.id });
    const view = await must(services, 'run.presenter', { meetingId: meeting.id });
    expect(view.readback).toMatchObject({ text: 'Ny tilsynsmodel fra januar.', dissent: expect.stringMatching(/TR \(pædagoger\)/) });
    const final = await must(services, 'decisions.finalize', { itemId: decisionItem.id });
    expect(final.finalAt).not.toBeNull();
    expect((await must(services, 'run.presenter', { meetingId: meeting.id })).readback).toBeNull();
    const changed = await must(services, 'decisions.record', { itemId: decisionItem.id, colour: 'gul', text: 'Ny tilsynsmodel fra februar.' });
    expect(changed.finalAt).toBeNull();
  });

  it('projektoren viser ikke et lukket punkt, før facilitatoren vælger det', async () => {
    const { services } = servicesWithClock();
    const { meeting } = await seedSlice(services);
    const secret = await must(services, 'agenda.addItem', {
      meetingId: meeting.id,
      title: 'Personalesag: langtidssygemelding',
      type: 'orientering',
      minutes: 5,
      confidential: true,
      announcedColour: 'roed',
    });
    await must(services, 'decisions.record', { itemId: secret.id, colour: 'roed', text: 'Medarbejderen vender tilbage på nedsat tid.' });
    await must(services, 'run.start', { meetingId: meeting.id });
    await must(services, 'run.goTo', { meetingId: meeting.id, phase: 'punkt', itemId: secret.id });
    await must(services, 'decisions.readBack', { itemId: secret.id });
    const hidden = JSON.stringify(await must(services, 'run.presenter', { meetingId: meeting.id }));
    expect(hidden).toContain('Lukket punkt');
    expect(hidden).not.toContain('langtidssygemelding');
    expect(hidden).not.toContain('nedsat tid');
    await must(services, 'run.showConfidential', { meetingId: meeting.id, show: true });
    const shown = JSON.stringify(await must(services, 'run.presenter', { meetingId: meeting.id }));
    expect(shown).toContain('langtidssygemelding');
  });

  it('check-out gemmer kun antal, og et antal bliver aldrig negativt', async () => {
    const { services } = servicesWithClock();
    const { meeting } = await seedSlice(services);
    await must(services, 'checkout.record', { meetingId: meeting.id, questionIndex: 0, answer: 'hoej' });
    await must(services, 'checkout.record', { meetingId: meeting.id, questionIndex: 0, answer: 'hoej' });
    await must(services, 'checkout.record', { meetingId: meeting.id, questionIndex: 1, answer: 'ved_ikke', change: -1 });
    const tallies = await must(services, 'checkout.record', { meetingId: meeting.id, questionIndex: 0, answer: 'hoej', change: -1 });
    expect(tallies[0]?.tallies.hoej).toBe(1);
    expect(tallies[1]?.tallies.ved_ikke).toBe(0);
    expect(tallies.map((q) => q.question)).toHaveLength(3);
  });

  it('et afsluttet møde er afholdt, og en runde kan kun krydse mødets egne deltagere af', async () => {
    const { services } = servicesWithClock();
    const { meeting, talkItem, forum } = await seedSlice(services);
    await must(services, 'run.setProcess', { itemId: talkItem.id, process: 'runde' });
    expect(await services.call('run.tickRound', { itemId: talkItem.id, personId: forum.id, done: true })).toMatchObject({
      ok: false,
      error: { code: 'ikke_fundet' },
    });
    const ended = await must(services, 'run.end', { meetingId: meeting.id });
    expect(ended).toMatchObject({ status: 'afholdt', run: { phase: 'afsluttet' } });
    expect(await services.call('run.goTo', { meetingId: meeting.id, phase: 'checkout' })).toMatchObject({ ok: false, error: { code: 'konflikt' } });
  });
});
