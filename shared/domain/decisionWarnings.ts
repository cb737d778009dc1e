/**
 * Warning signs on a decision while it is being recorded: the patterns the brief calls
 * pseudo-dialog and overfladisk enighed, put into words the facilitator can act on.
 */
export interface DecisionForWarnings {
  outcome: 'beslutning' | 'afklaring_uden_enighed';
  text: string;
  decidedBy: string;
  expectGiven: string;
  expectOfWhom: string;
}

export type DecisionWarningKind = 'ingen_handling' | 'groen_men_givet';

export interface DecisionWarning {
  kind: DecisionWarningKind;
  message: string;
}

const normalise = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** True when the decision's wording already stands in what was declared "givet" beforehand. */
function answerAlreadyGiven(text: string, given: string): boolean {
  const decision = normalise(text);
  const stated = normalise(given);
  if (decision.length < 12 || stated.length < 12) return false;
  return stated.includes(decision) || decision.includes(stated);
}

export function decisionWarnings(
  decision: DecisionForWarnings,
  context: { announcedColour: string | null; actionCount: number },
): DecisionWarning[] {
  const warnings: DecisionWarning[] = [];
  const noOwner = decision.decidedBy.trim() === '' && decision.expectOfWhom.trim() === '';
  if (decision.outcome === 'beslutning' && context.actionCount === 0 && noOwner) {
    warnings.push({
      kind: 'ingen_handling',
      message: 'Beslutningen har hverken en handling eller en ansvarlig. Hvem gør hvad, og hvornår?',
    });
  }
  if (context.announcedColour === 'groen' && answerAlreadyGiven(decision.text, decision.expectGiven)) {
    warnings.push({
      kind: 'groen_men_givet',
      message: 'Punktet er varslet grønt, men svaret står allerede under «givet». Er det reelt en rød eller gul beslutning?',
    });
  }
  return warnings;
}
