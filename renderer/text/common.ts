export const common = {
  appName: 'Samtalerum',
  save: 'Gem',
  cancel: 'Annullér',
  loading: 'Henter …',
  none: 'Ingen',
  required: '(skal udfyldes)',
  noCurrentForum: 'Intet forum valgt',
  currentForum: 'Aktuelt forum',
  legendTitle: 'Farvekoden for beslutninger',
  colourBadge: (label: string, code: string) => `${label} (${code})`,
};

export const nav = {
  label: 'Hovedmenu',
  oversigt: 'Oversigt',
  fora: 'Fora',
  moeder: 'Møder',
  opfoelgning: 'Opfølgning',
  lyttemoeder: 'Lyttemøder',
  arkiv: 'Arkiv',
  indstillinger: 'Indstillinger',
};

export const filterText = {
  forum: 'Forum',
  allForums: 'Alle fora',
  colour: 'Farve',
  allColours: 'Alle farver',
};
