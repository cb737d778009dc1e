import { describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/api/contract';
import { must, seedSlice, servicesOn, tempArchivePath } from './support';

describe('tynd skive gennem servicelaget', () => {
  it('en TRIO med møde, to punkter og en beslutning står der stadig efter genåbning', async () => {
    const path = tempArchivePath();
    const first = servicesOn(path);
    const { forum, meeting, decisionItem } = await seedSlice(first);
    await must(first, 'decisions.record', { itemId: decisionItem.id, colour: 'gul', text: 'Ny model fra januar.' });
    first.close();

    const again = servicesOn(path);
    const detail = await must(again, 'meetings.get', { meetingId: meeting.id });
    expect(detail.forumName).toBe('TRIO');
    expect(detail.items.map((i) => i.title)).toEqual(['Fordeling af tilsyn', 'APV']);
    expect(detail.items[0]?.decision).toMatchObject({ colour: 'gul', text: 'Ny model fra januar.', colourReason: '' });
    expect(detail.plannedMinutes).toBe(45);
    expect((await must(again, 'forums.get', { forumId: forum.id })).colours.map((c) => c.code)).toEqual(['RØ', 'GU', 'GR', 'BL']);
    again.close();
  });

  it('kræver en begrundelse, når beslutningens farve ikke er den varslede', async () => {
    const services = servicesOn();
    const { decisionItem } = await seedSlice(services);
    const without = await services.call('decisions.record', { itemId: decisionItem.id, colour: 'roed', text: 'Ledelsen beslutter.' });
    expect(without).toMatchObject({ ok: false, error: { code: 'ugyldigt_input', field: 'colourReason' } });
    const withReason = await must(services, 'decisions.record', {
      itemId: decisionItem.id,
      colour: 'roed',
      text: 'Ledelsen beslutter.',
      colourReason: 'Budgettet blev lagt fast af forvaltningen i går.',
    });
    expect(withReason.colourReason).toMatch(/forvaltningen/);
    expect((await must(services, 'decisions.list', {})).rows).toHaveLength(1);
  });

  it('afviser et beslutningspunkt uden varslet farve ved feltet', async () => {
    const services = servicesOn();
    const { meeting } = await seedSlice(services);
    const result = await services.call('agenda.addItem', { meetingId: meeting.id, title: 'Skema', type: 'beslutning', minutes: 10 });
    expect(result).toMatchObject({ ok: false, error: { field: 'announcedColour' } });
    expect((await must(services, 'meetings.get', { meetingId: meeting.id })).items).toHaveLength(2);
  });

  it('afviser et forum med samme navn på samme skole', async () => {
    const services = servicesOn();
    await seedSlice(services);
    const result = await services.call('forums.create', { kind: 'trio', name: 'trio', school: 'egeskolen' });
    expect(result).toMatchObject({ ok: false, error: { code: 'konflikt', field: 'name' } });
    expect(await must(services, 'forums.list', {})).toHaveLength(1);
  });

  it('handlinger kommer igen som åbne, indtil de er udført', async () => {
    const services = servicesOn();
    const { decisionItem } = await seedSlice(services);
    const action = await must(services, 'actions.create', { itemId: decisionItem.id, what: 'Skriv til personalet', who: 'TR', due: '2026-12-08' });
    expect((await must(services, 'actions.listOpen', {})).map((a) => a.id)).toEqual([action.id]);
    expect((await must(services, 'meetings.get', { meetingId: decisionItem.meetingId })).items[0]?.actions).toHaveLength(1);
    await must(services, 'actions.markDone', { actionId: action.id });
    expect(await must(services, 'actions.listOpen', {})).toEqual([]);
  });

  it('giver en dansk besked for en ukendt metode og efter lukning', async () => {
    const services = servicesOn();
    expect(await services.dispatch('forums.drop', {})).toMatchObject({ ok: false, error: { code: 'ukendt_metode' } });
    expect(await services.dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'ukendt_metode' } });
    services.close();
    expect(await services.dispatch('forums.list', {})).toMatchObject({ ok: false, error: { code: 'arkivfejl' } });
  });

  it('melder en ændring efter hver skrivning og ingen efter læsning', async () => {
    const services = servicesOn();
    const seen: string[] = [];
    services.subscribe((event) => event.type === 'archive.changed' && seen.push(event.method));
    await seedSlice(services);
    await must(services, 'forums.list', {});
    expect(seen).toEqual(['forums.create', 'meetings.create', 'agenda.addItem', 'agenda.addItem']);
    expect(METHODS.length).toBeGreaterThan(10);
  });
});
