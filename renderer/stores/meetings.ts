import { create } from 'zustand';
import type { MethodInput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/envelope';
import type { GeneratedDocument, MeetingDetail, MeetingSummary } from '../../shared/api/types';
import { call } from '../api/client';
import { outcomeOf, type Outcome } from './request';

interface MeetingsState {
  meetings: MeetingSummary[];
  current: MeetingDetail | null;
  loadError: ApiError | null;
  load(): Promise<void>;
  open(meetingId: string): Promise<void>;
  create(input: MethodInput<'meetings.create'>): Promise<{ ok: true; meeting: MeetingSummary } | { ok: false; error: ApiError }>;
  update(input: MethodInput<'meetings.update'>): Promise<Outcome>;
  markAgendaSent(meetingId: string): Promise<Outcome>;
  setParticipant(input: MethodInput<'participants.set'>): Promise<Outcome>;
  addGuest(input: MethodInput<'participants.addGuest'>): Promise<Outcome>;
  removeParticipant(input: MethodInput<'participants.remove'>): Promise<Outcome>;
  addItem(input: MethodInput<'agenda.addItem'>): Promise<Outcome>;
  updateItem(input: MethodInput<'agenda.updateItem'>): Promise<Outcome>;
  moveItem(input: MethodInput<'agenda.moveItem'>): Promise<Outcome>;
  removeItem(itemId: string): Promise<Outcome>;
  confirmForvarsel(input: MethodInput<'agenda.confirmForvarsel'>): Promise<Outcome>;
  recordConsent(input: MethodInput<'agenda.recordConsent'>): Promise<Outcome>;
  addItemType(label: string): Promise<{ ok: true; key: string } | { ok: false; error: ApiError }>;
  recordDecision(input: MethodInput<'decisions.record'>): Promise<Outcome>;
  addAction(input: MethodInput<'actions.create'>): Promise<Outcome>;
  dagsorden(input: MethodInput<'documents.dagsorden'>): Promise<{ ok: true; document: GeneratedDocument } | { ok: false; error: ApiError }>;
}

export const useMeetings = create<MeetingsState>((set, get) => {
  /** After a write to the open meeting, reload it so every panel shows what the archive holds. */
  async function thenReload(result: Promise<Outcome>): Promise<Outcome> {
    const outcome = await result;
    const current = get().current;
    if (outcome.ok && current) await get().open(current.id);
    return outcome;
  }

  return {
    meetings: [],
    current: null,
    loadError: null,
    async load() {
      const result = await call('meetings.list', {});
      if (!result.ok) return set({ loadError: result.error });
      set({ meetings: result.value, loadError: null });
      const current = get().current;
      if (current && result.value.some((m) => m.id === current.id)) await get().open(current.id);
    },
    async open(meetingId) {
      const result = await call('meetings.get', { meetingId });
      if (!result.ok) return set({ loadError: result.error });
      set({ current: result.value, loadError: null });
    },
    async create(input) {
      const result = await call('meetings.create', input);
      if (!result.ok) return { ok: false, error: result.error };
      await get().load();
      return { ok: true, meeting: result.value };
    },
    update: (input) => thenReload(call('meetings.update', input).then(outcomeOf)),
    markAgendaSent: (meetingId) => thenReload(call('meetings.markAgendaSent', { meetingId }).then(outcomeOf)),
    setParticipant: (input) => thenReload(call('participants.set', input).then(outcomeOf)),
    addGuest: (input) => thenReload(call('participants.addGuest', input).then(outcomeOf)),
    removeParticipant: (input) => thenReload(call('participants.remove', input).then(outcomeOf)),
    addItem: (input) => thenReload(call('agenda.addItem', input).then(outcomeOf)),
    updateItem: (input) => thenReload(call('agenda.updateItem', input).then(outcomeOf)),
    moveItem: (input) => thenReload(call('agenda.moveItem', input).then(outcomeOf)),
    removeItem: (itemId) => thenReload(call('agenda.removeItem', { itemId }).then(outcomeOf)),
    confirmForvarsel: (input) => thenReload(call('agenda.confirmForvarsel', input).then(outcomeOf)),
    recordConsent: (input) => thenReload(call('agenda.recordConsent', input).then(outcomeOf)),
    async addItemType(label) {
      const result = await call('itemTypes.create', { label });
      if (!result.ok) return { ok: false, error: result.error };
      const current = get().current;
      if (current) await get().open(current.id);
      return { ok: true, key: result.value.key };
    },
    recordDecision: (input) => thenReload(call('decisions.record', input).then(outcomeOf)),
    addAction: (input) => thenReload(call('actions.create', input).then(outcomeOf)),
    async dagsorden(input) {
      const result = await call('documents.dagsorden', input);
      return result.ok ? { ok: true, document: result.value } : { ok: false, error: result.error };
    },
  };
});
