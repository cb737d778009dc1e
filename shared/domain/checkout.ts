/**
 * The closing evaluation. The scale is used verbatim; answers are stored as tallies per meeting,
 * never per person, so nobody's answer can be traced back.
 */
export const SCALE = ['meget_hoej', 'hoej', 'nogen', 'mindre', 'slet_ikke', 'ved_ikke'] as const;
export type ScaleAnswer = (typeof SCALE)[number];

export const SCALE_LABELS: Readonly<Record<ScaleAnswer, string>> = {
  meget_hoej: 'I meget høj grad',
  hoej: 'I høj grad',
  nogen: 'I nogen grad',
  mindre: 'I mindre grad',
  slet_ikke: 'Slet ikke',
  ved_ikke: 'Ved ikke',
};

/** Two or three short questions about the meeting itself; the room answers by show of hands or cards. */
export const CHECKOUT_QUESTIONS: readonly string[] = [
  'Fik alle mulighed for at blive hørt i dag?',
  'Ved vi, hvem der gør hvad, når vi går herfra?',
  'Var det tydeligt, hvor meget indflydelse vi havde på hvert punkt?',
];
