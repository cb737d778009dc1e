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

/** Words short enough to be grammar rather than content («vi», «og», «det»). */
const SHORTEST_CONTENT_WORD = 4;

/**
 * True when the decision says nothing beyond what was declared «givet» beforehand: every content word
 * of it stands there already. A grøn decision restating its frame and adding its own choice («inden for
 * de 45 minutter lægger vi tiden tirsdag») is what grøn means, and is not warned about.
 */
function answerAlreadyGiven(text: string, given: string): boolean {
  const decision = normalise(text);
  const stated = normalise(given);
  if (decision.length < 12 || stated.length < 12) return false;
  const givenWords = new Set(stated.split(' '));
  const contentWords = decision.split(' ').filter((word) => word.length >= SHORTEST_CONTENT_WORD);
  return contentWords.length > 0 && contentWords.every((word) => givenWords.has(word));
}

export function decisionWarnings(
  decision: DecisionForWarnings,
  context: {
    announcedColour: string | null;
    actionCount: number;
    /** The item's Ansvarlig: someone already owns what follows from it. */
    itemOwner: string;
  },
): DecisionWarning[] {
  const warnings: DecisionWarning[] = [];
  const noOwner = decision.decidedBy.trim() === '' && decision.expectOfWhom.trim() === '' && context.itemOwner.trim() === '';
  if (decision.outcome === 'beslutning' && context.actionCount === 0 && noOwner) {
    warnings.push({
      kind: 'ingen_handling',
      message:
        'Beslutningen har hverken en handling eller en ansvarlig. Tilføj en handling med hvem og hvornår (H), eller skriv under «Hvem beslutter», hvem der står for den.',
    });
  }
  if (context.announcedColour === 'groen' && answerAlreadyGiven(decision.text, decision.expectGiven)) {
    warnings.push({
      kind: 'groen_men_givet',
      message:
        'Punktet er varslet grønt, men beslutningen gentager kun det, der stod som givet. Skriv, hvad forummet selv besluttede inden for rammen, eller vælg den farve, der blev brugt, og skriv hvorfor.',
    });
  }
  return warnings;
}
