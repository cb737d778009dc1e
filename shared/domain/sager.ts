import type { ActionStatusKey } from './actions';
import type { ColourKey } from './colours';

/**
 * A sag is one matter followed across meetings and forums: raised in the udviklingsråd, decided in the
 * TRIO, followed up at the next meeting. Each item on the sag's timeline gets the steps of that journey
 * its data shows; nothing is entered by hand.
 */
export type SagStep = 'rejst' | 'droeftet' | 'besluttet' | 'fulgt_op' | 'paa_dagsordenen';

export const SAG_STEP_LABELS: Record<SagStep, string> = {
  rejst: 'Rejst første gang',
  droeftet: 'Drøftet',
  besluttet: 'Besluttet',
  fulgt_op: 'Fulgt op',
  paa_dagsordenen: 'På dagsordenen',
};

/** The journey shown above the timeline; 'paa_dagsordenen' is a state of a coming meeting, not a milestone. */
export const SAG_JOURNEY = ['rejst', 'droeftet', 'besluttet', 'fulgt_op'] as const satisfies readonly SagStep[];

/** What the steps are read from, for one item of the sag. */
export interface StepFacts {
  /** The meeting has been held: ended in the app, or its time has passed (forums that never run it on screen). */
  held: boolean;
  decision: { outcome: 'beslutning' | 'afklaring_uden_enighed'; colour: ColourKey; final: boolean } | null;
  actions: readonly { status: ActionStatusKey; noteCount: number }[];
}

/**
 * Only a decision read back to the room counts as decided, and blue (undersøgende) or "afklaring uden
 * enighed" leave the matter open: the forum has talked, nobody has decided.
 */
function isDecided(facts: StepFacts): boolean {
  const d = facts.decision;
  return d !== null && d.final && d.outcome === 'beslutning' && d.colour !== 'blaa';
}

/**
 * The steps of each item, given in meeting order: the first raises the matter; a final decision decides
 * it; a held meeting after a decision, or work reported on the decision's actions, follows it up; a held
 * meeting without either discussed it; a coming meeting has it on its agenda.
 */
export function sagSteps(entries: readonly StepFacts[]): SagStep[][] {
  let decidedBefore = false;
  return entries.map((facts, index) => {
    const decided = isDecided(facts);
    const actionsWorkedOn = facts.actions.some((a) => a.status === 'udfoert' || a.noteCount > 0);
    const followsUp = (decidedBefore && facts.held) || (decided && actionsWorkedOn);
    const steps: SagStep[] = [];
    if (index === 0) steps.push('rejst');
    if (decided) steps.push('besluttet');
    if (followsUp) steps.push('fulgt_op');
    if (!decided && !followsUp) {
      if (facts.held) steps.push('droeftet');
      else if (index > 0) steps.push('paa_dagsordenen');
    }
    decidedBefore ||= decided;
    return steps;
  });
}

/**
 * For each milestone of the journey, the index of the first item that reached it or a later one (a
 * decided matter has been discussed, even when no meeting discussed it without deciding), or null.
 */
export function sagJourney(steps: readonly (readonly SagStep[])[]): { step: (typeof SAG_JOURNEY)[number]; firstAt: number | null }[] {
  const rank = (step: SagStep) => (SAG_JOURNEY as readonly SagStep[]).indexOf(step);
  return SAG_JOURNEY.map((step, k) => {
    const index = steps.findIndex((s) => s.some((reached) => rank(reached) >= k));
    return { step, firstAt: index === -1 ? null : index };
  });
}
