import type { AgendaItem, Decision, DecisionDraft, DissentInput, FairProces } from '../../../shared/api/types';

/** What the decision panel shows, field by field: the same whether it came from a draft or the decision. */
export type DecisionValues = Pick<DecisionDraft, 'outcome' | 'colour' | 'colourReason' | 'text' | 'decidedBy' | 'dissents'> & { fair: FairProces };

export const EMPTY_FAIR: FairProces = {
  involveContext: '',
  involveNeed: '',
  involveHow: '',
  explainReasoning: '',
  explainCompromises: '',
  explainConstraints: '',
  expectGiven: '',
  expectOpen: '',
  expectOfWhom: '',
};

function pickFair(source: FairProces): FairProces {
  const picked = { ...EMPTY_FAIR };
  for (const key of Object.keys(EMPTY_FAIR) as (keyof FairProces)[]) picked[key] = source[key];
  return picked;
}

/** A draft is newer than the decision (recording removes it), so it wins; then the decision; then an empty form. */
export function startValues(item: AgendaItem, draft: DecisionDraft | null): DecisionValues {
  const source: Decision | DecisionDraft | null = draft ?? item.decision;
  if (!source) {
    // A new decision starts from what the item announced as given and open: the frame the room worked within,
    // confirmed or corrected here rather than typed again.
    const fair = { ...EMPTY_FAIR, expectGiven: item.announcedGiven, expectOpen: item.announcedOpen };
    return { outcome: 'beslutning', colour: item.announcedColour, colourReason: '', text: '', decidedBy: '', dissents: [], fair };
  }
  return {
    outcome: source.outcome,
    colour: source.colour,
    colourReason: source.colourReason,
    text: source.text,
    decidedBy: source.decidedBy,
    dissents: source.dissents.map(({ personId, name, role, text, minorityStatement }) => ({ personId, name, role, text, minorityStatement })),
    fair: pickFair(source),
  };
}

/** The fields as the API takes them; the colour reason counts only when the colour differs from the announced one. */
export function decisionInput(item: AgendaItem, values: DecisionValues) {
  const colourChanged = item.announcedColour !== null && values.colour !== null && values.colour !== item.announcedColour;
  return {
    itemId: item.id,
    outcome: values.outcome,
    colour: values.colour,
    colourReason: colourChanged ? values.colourReason : '',
    text: values.text,
    decidedBy: values.decidedBy,
    dissents: values.dissents,
    ...values.fair,
  };
}

export const EMPTY_DISSENT: DissentInput = { personId: null, name: '', role: '', text: '', minorityStatement: false };

/** A row the facilitator added and left empty is no dissent; it is left out when the decision is recorded. */
export function writtenDissents(dissents: readonly DissentInput[]): DissentInput[] {
  return dissents.filter((d) => d.personId !== null || [d.name, d.role, d.text].some((field) => field.trim() !== ''));
}

/** The archive keeps text without surrounding spaces and with \n line ends; compare the same way. */
function comparable(item: AgendaItem, values: DecisionValues): string {
  return JSON.stringify(decisionInput(item, values), (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value,
  );
}

/** True when the form holds exactly the recorded decision, so what is approved is what is on screen. */
export function showsRecorded(item: AgendaItem, values: DecisionValues): boolean {
  const written = { ...values, dissents: writtenDissents(values.dissents) };
  return item.decision !== null && comparable(item, written) === comparable(item, startValues(item, null));
}
