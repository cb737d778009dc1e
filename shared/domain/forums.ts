/** The forum types Samtalerum ships with. Users may add their own types (kind 'egen'). */
export const FORUM_KINDS = [
  'trio',
  'udviklingsraad',
  'praksisforum',
  'erfamoede',
  'lyttemoede',
  'stormoede',
  'egen',
] as const;
export type ForumKind = (typeof FORUM_KINDS)[number];

export interface ForumPreset {
  kind: ForumKind;
  label: string;
  /** Short description shown when a user picks the type. */
  description: string;
  /** Role slots a forum of this type usually has. */
  roles: readonly string[];
  /** Recurring themes placed in the årshjul when the forum is created (month 1–12); the forum edits them. */
  themes: readonly { month: number; title: string }[];
}

export const FORUM_PRESETS: Readonly<Record<ForumKind, ForumPreset>> = {
  trio: {
    kind: 'trio',
    label: 'TRIO',
    description: 'Skoleleder, tillidsrepræsentanter og AMR om arbejdsvilkår tæt på kerneopgaven.',
    roles: ['Skoleleder', 'TR (lærere)', 'TR (pædagoger)', 'AMR'],
    themes: [
      { month: 8, title: 'Skoleårets start og opgaveoversigter' },
      { month: 10, title: 'Budget for næste år' },
      { month: 1, title: 'APV: status og handleplan' },
      { month: 4, title: 'Fagfordeling og opgaveoversigt' },
    ],
  },
  udviklingsraad: {
    kind: 'udviklingsraad',
    label: 'Udviklingsråd',
    description: 'Ledelsen og teamkoordinatorer om den pædagogiske udvikling på skolen.',
    roles: ['Ledelse', 'Teamkoordinator', 'TR'],
    themes: [
      { month: 9, title: 'Årets udviklingsfokus' },
      { month: 1, title: 'Midtvejsevaluering' },
      { month: 6, title: 'Evaluering og næste skoleår' },
    ],
  },
  praksisforum: {
    kind: 'praksisforum',
    label: 'Praksisforum',
    description: 'Skolens leder og TR mødes med skolechef og kreds om skolens egne eksempler og problemer.',
    roles: ['Skoleleder', 'TR', 'AMR', 'Skolechef', 'Kredsformand', 'Næstformand', 'Formand for skolelederne'],
    themes: [{ month: 11, title: 'Skolens egne eksempler' }],
  },
  erfamoede: {
    kind: 'erfamoede',
    label: 'Erfa-møde',
    description: 'TRIO’er på tværs af skoler deler erfaringer med de tre formænd.',
    roles: ['Skolechef', 'Kredsformand', 'Formand for skolelederne', 'TRIO-deltager'],
    themes: [],
  },
  lyttemoede: {
    kind: 'lyttemoede',
    label: 'Lyttemøde',
    description: 'Skolechef og kredsformand lytter til en gruppe lærere. Der træffes ingen beslutninger.',
    roles: ['Skolechef', 'Kredsformand'],
    themes: [],
  },
  stormoede: {
    kind: 'stormoede',
    label: 'Stormøde',
    description: 'Skoler og politikere samles om refleksioner og handleplaner.',
    roles: ['Skolechef', 'Kredsformand', 'Deltager'],
    themes: [{ month: 3, title: 'Handleplaner' }],
  },
  egen: {
    kind: 'egen',
    label: 'Egen mødetype',
    description: 'Et forum I selv beskriver.',
    roles: [],
    themes: [],
  },
};
