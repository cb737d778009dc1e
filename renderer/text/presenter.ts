/** The projector view: short, plain Danish that a whole room reads at a distance. */
export const presenterText = {
  windowTitle: 'Samtalerum – projektor',
  loading: 'Henter mødet …',
  badHash: 'Projektorvisningen ved ikke, hvilket møde den skal vise. Åbn den igen fra mødet.',
  loadFailed: 'Projektorvisningen kunne ikke hente mødet.',

  notStarted: 'Mødet begynder snart',
  setTheScene: 'Sæt scenen',
  given: 'Givet',
  open: 'Til diskussion',
  purpose: 'Formål',
  legendTitle: 'Farvekoden – hvor meget indflydelse har vi?',

  itemOf: (position: number, count: number) => `Punkt ${position} af ${count}`,
  process: (label: string) => `Proces: ${label}`,

  hiddenTitle: 'Lukket punkt',
  hiddenNote: 'Punktet er fortroligt og vises ikke på skærmen.',

  timerLabel: 'Tid til punktet',
  planned: (minutes: number) => `tilbage af ${minutes} min.`,
  minutesLeft: (minutes: number) => `${minutes} min. tilbage`,
  overTime: (clock: string) => `+${clock} over tiden`,
  paused: 'Uret står stille',
  notRunning: 'Uret er ikke startet',

  readbackDecision: 'Beslutning – læses op',
  readbackClarification: 'Afklaring uden enighed – læses op',
  // Each line already says whether it is dissens or a mindretalsudtalelse, and whose.
  dissent: (text: string) => text,
  page: (page: number, pages: number) => `Side ${page} af ${pages} – skifter selv`,

  checkoutTitle: 'Check-out',
  checkoutThanks: 'Tak for i dag. Svar kort på spørgsmålene, så vi bliver bedre til næste gang.',

  endedTitle: 'Mødet er slut. Tak for i dag.',
};
