import { create } from 'zustand';
import type { MethodInput } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/envelope';
import type {
  ListeningMeetingDetail,
  ListeningSendTarget,
  ListeningSeriesDetail,
  ListeningSeriesSummary,
  ListeningTheme,
} from '../../shared/api/listeningTypes';
import type { GeneratedDocument } from '../../shared/api/types';
import type { ColourDefinition } from '../../shared/domain/colours';
import type { ItemTypeDefinition } from '../../shared/domain/items';
import { call } from '../api/client';
import { outcomeOf, type Outcome } from './request';

interface ListeningState {
  series: ListeningSeriesSummary[];
  /** The open series page (or the series of the open lyttemøde). */
  detail: ListeningSeriesDetail | null;
  /** The open lyttemøde, for listening and for sorting. */
  meeting: ListeningMeetingDetail | null;
  loadError: ApiError | null;
  /**
   * The opening shown or folded by hand, per lyttemøde, for this session. Without a choice it shows
   * until the first input is written; after that the room needs the screen for what was heard.
   */
  openingChoice: Readonly<Record<string, boolean>>;
  chooseOpening(meetingId: string, shown: boolean): void;
  load(): Promise<void>;
  openSeries(seriesId: string): Promise<void>;
  openMeeting(meetingId: string): Promise<void>;
  createSeries(input: MethodInput<'listening.createSeries'>): Promise<Result<ListeningSeriesSummary>>;
  updateSeries(input: MethodInput<'listening.updateSeries'>): Promise<Outcome>;
  planMeeting(input: MethodInput<'listening.planMeeting'>): Promise<Outcome>;
  updateMeeting(input: MethodInput<'listening.updateMeeting'>): Promise<Outcome>;
  removeMeeting(meetingId: string): Promise<Outcome>;
  /** The theme that remains: another theme of the series when the new name merged the two. */
  renameTheme(input: MethodInput<'listening.renameTheme'>): Promise<Result<ListeningTheme>>;
  removeTheme(themeId: string): Promise<Outcome>;
  addInput(input: MethodInput<'listening.addInput'>): Promise<Outcome>;
  updateInput(input: MethodInput<'listening.updateInput'>): Promise<Outcome>;
  removeInput(inputId: string): Promise<Outcome>;
  markHeld(input: MethodInput<'listening.markHeld'>): Promise<Outcome>;
  sortInput(input: MethodInput<'listening.sortInput'>): Promise<Outcome>;
  setInputThemes(input: MethodInput<'listening.setInputThemes'>): Promise<Outcome>;
  sendTargets(inputId: string): Promise<Result<ListeningSendTarget[]>>;
  /** The item types and colours of the meeting an input is about to be sent to. */
  agendaOptions(meetingId: string): Promise<Result<{ itemTypes: ItemTypeDefinition[]; colours: ColourDefinition[] }>>;
  sendInput(input: MethodInput<'listening.sendInput'>): Promise<Outcome>;
  feedbackLetter(meetingId: string): Promise<Result<GeneratedDocument>>;
}

/** Series, the open series and the open lyttemøde; every write reloads what it changed. */
export const useListening = create<ListeningState>((set, get) => {
  /** After a write about the open lyttemøde, read it again so counts, themes and links are the archive's. */
  async function thenReloadMeeting(result: Promise<Result<unknown>>): Promise<Outcome> {
    const outcome = outcomeOf(await result);
    const meeting = get().meeting;
    if (outcome.ok && meeting) await get().openMeeting(meeting.meeting.id);
    return outcome;
  }

  /** After a write about the open series, read it and the list again: titles, dates and counts change. */
  async function thenReloadSeries(result: Promise<Result<unknown>>): Promise<Outcome> {
    const outcome = outcomeOf(await result);
    const detail = get().detail;
    if (outcome.ok && detail) await Promise.all([get().openSeries(detail.series.id), get().load()]);
    return outcome;
  }

  return {
    series: [],
    detail: null,
    meeting: null,
    loadError: null,
    openingChoice: {},
    chooseOpening: (meetingId, shown) => set({ openingChoice: { ...get().openingChoice, [meetingId]: shown } }),
    async load() {
      const result = await call('listening.listSeries', {});
      if (!result.ok) return set({ loadError: result.error });
      set({ series: result.value, loadError: null });
    },
    async openSeries(seriesId) {
      const result = await call('listening.getSeries', { seriesId });
      if (!result.ok) return set({ loadError: result.error });
      set({ detail: result.value, loadError: null });
    },
    async openMeeting(meetingId) {
      const result = await call('listening.getMeeting', { meetingId });
      if (!result.ok) return set({ loadError: result.error });
      set({ meeting: result.value, loadError: null });
    },
    async createSeries(input) {
      const result = await call('listening.createSeries', input);
      if (result.ok) await get().load();
      return result;
    },
    updateSeries: (input) => thenReloadSeries(call('listening.updateSeries', input)),
    planMeeting: (input) => thenReloadSeries(call('listening.planMeeting', input)),
    updateMeeting: (input) => thenReloadSeries(call('listening.updateMeeting', input)),
    removeMeeting: (meetingId) => thenReloadSeries(call('listening.removeMeeting', { meetingId })),
    async renameTheme(input) {
      const result = await call('listening.renameTheme', input);
      const detail = get().detail;
      if (result.ok && detail) await get().openSeries(detail.series.id);
      return result;
    },
    removeTheme: (themeId) => thenReloadSeries(call('listening.removeTheme', { themeId })),
    addInput: (input) => thenReloadMeeting(call('listening.addInput', input)),
    updateInput: (input) => thenReloadMeeting(call('listening.updateInput', input)),
    removeInput: (inputId) => thenReloadMeeting(call('listening.removeInput', { inputId })),
    markHeld: (input) => thenReloadMeeting(call('listening.markHeld', input)),
    sortInput: (input) => thenReloadMeeting(call('listening.sortInput', input)),
    setInputThemes: (input) => thenReloadMeeting(call('listening.setInputThemes', input)),
    sendTargets: (inputId) => call('listening.sendTargets', { inputId }),
    async agendaOptions(meetingId) {
      const result = await call('meetings.get', { meetingId });
      if (!result.ok) return { ok: false, error: result.error };
      return { ok: true, value: { itemTypes: result.value.itemTypes, colours: result.value.forumColours } };
    },
    sendInput: (input) => thenReloadMeeting(call('listening.sendInput', input)),
    feedbackLetter: (meetingId) => call('documents.feedbackLetter', { meetingId }),
  };
});
