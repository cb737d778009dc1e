import { describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/api/contract';
import { must, seedSlice, servicesOn, tempArchivePath } from './support';

describe('tynd skive gennem servicelaget', () => {
  it('en TRIO med møde, to punkter og en beslutning står der stadig efter genåbning', () => {
    const path = tempArchivePath();
    const first = servicesOn(path);
    const { forum, meeting, decisionItem } = seedSlice(first);
    must(first, 'decisions.record', { itemId: decisionItem.id, colour: 'gul', text: 'Ny model fra januar.' });
    first.close();

    const again = servicesOn(path);
    const detail = must(again, 'meetings.get', { meetingId: meeting.id });
    expect(detail.forumName).toBe('TRIO');
    expect(detail.items.map((i) => i.title)).toEqual(['Fordeling af tilsyn', 'APV']);
    expect(detail.items[0]?.decision).toMatchObject({ colour: 'gul', text: 'Ny model fra januar.', colourReason: '' });
    expect(detail.plannedMinutes).toBe(45);
    expect(must(again, 'forums.get', { forumId: forum.id }).colours.map((c) => c.code)).toEqual(['RØ', 'GU', 'GR', 'BL']);
    again.close();
  });

  it('kræver en begrundelse, når beslutningens farve ikke er den varslede', () => {
    const services = servicesOn();
    const { decisionItem } = seedSlice(services);
    const without = services.call('decisions.record', { itemId: decisionItem.id, colour: 'roed', text: 'Ledelsen beslutter.' });
    expect(without).toMatchObject({ ok: false, error: { code: 'ugyldigt_input', field: 'colourReason' } });
    const withReason = must(services, 'decisions.record', {
      itemId: decisionItem.id,
      colour: 'roed',
      text: 'Ledelsen beslutter.',
      colourReason: 'Budgettet blev lagt fast af forvaltningen i går.',
    });
    expect(withReason.colourReason).toMatch(/forvaltningen/);
    expect(must(services, 'decisions.list', {})).toHaveLength(1);
  });

  it('afviser et beslutningspunkt uden varslet farve ved feltet', () => {
    const services = servicesOn();
    const { meeting } = seedSlice(services);
    const result = services.call('agenda.addItem', { meetingId: meeting.id, title: 'Skema', type: 'beslutning', minutes: 10 });
    expect(result).toMatchObject({ ok: false, error: { field: 'announcedColour' } });
    expect(must(services, 'meetings.get', { meetingId: meeting.id }).items).toHaveLength(2);
  });

  it('afviser et forum med samme navn på samme skole', () => {
    const services = servicesOn();
    seedSlice(services);
    const result = services.call('forums.create', { kind: 'trio', name: 'trio', school: 'egeskolen' });
    expect(result).toMatchObject({ ok: false, error: { code: 'konflikt', field: 'name' } });
    expect(must(services, 'forums.list', {})).toHaveLength(1);
  });

  it('handlinger kommer igen som åbne, indtil de er udført', () => {
    const services = servicesOn();
    const { decisionItem } = seedSlice(services);
    const action = must(services, 'actions.create', { itemId: decisionItem.id, what: 'Skriv til personalet', who: 'TR', due: '2026-12-08' });
    expect(must(services, 'actions.listOpen', {}).map((a) => a.id)).toEqual([action.id]);
    expect(must(services, 'meetings.get', { meetingId: decisionItem.meetingId }).items[0]?.actions).toHaveLength(1);
    must(services, 'actions.markDone', { actionId: action.id });
    expect(must(services, 'actions.listOpen', {})).toEqual([]);
  });

  it('giver en dansk besked for en ukendt metode og efter lukning', () => {
    const services = servicesOn();
    expect(services.dispatch('forums.drop', {})).toMatchObject({ ok: false, error: { code: 'ukendt_metode' } });
    expect(services.dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'ukendt_metode' } });
    services.close();
    expect(services.dispatch('forums.list', {})).toMatchObject({ ok: false, error: { code: 'arkivfejl' } });
  });

  it('melder en ændring efter hver skrivning og ingen efter læsning', () => {
    const services = servicesOn();
    const seen: string[] = [];
    services.subscribe((event) => seen.push(event.method));
    seedSlice(services);
    must(services, 'forums.list', {});
    expect(seen).toEqual(['forums.create', 'meetings.create', 'agenda.addItem', 'agenda.addItem']);
    expect(METHODS.length).toBeGreaterThan(10);
  });
});
