/** The Fair Proces steps and fields, named the same wherever a decision is written or read. */
export const fairProcesText = {
  involve: 'Involvér',
  involveContext: 'Sammenhæng',
  explain: 'Forklar',
  explainReasoning: 'Mellemregninger',
  explainCompromises: 'Kompromiser',
  explainConstraints: 'Bindinger',
  expect: 'Præcisér forventninger',
  expectGiven: 'Givet',
  expectOpen: 'Til diskussion',
  expectOfWhom: 'Forventet af hvem',
};
