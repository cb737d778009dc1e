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
}

export const FORUM_PRESETS: Readonly<Record<ForumKind, ForumPreset>> = {
  trio: {
    kind: 'trio',
    label: 'TRIO',
    description: 'Skoleleder, tillidsrepræsentanter og AMR om arbejdsvilkår tæt på kerneopgaven.',
    roles: ['Skoleleder', 'TR (lærere)', 'TR (pædagoger)', 'AMR'],
  },
  udviklingsraad: {
    kind: 'udviklingsraad',
    label: 'Udviklingsråd',
    description: 'Ledelsen og teamkoordinatorer om den pædagogiske udvikling på skolen.',
    roles: ['Ledelse', 'Teamkoordinator', 'TR'],
  },
  praksisforum: {
    kind: 'praksisforum',
    label: 'Praksisforum',
    description: 'Skolens leder og TR mødes med skolechef og kreds om skolens egne eksempler og problemer.',
    roles: ['Skoleleder', 'TR', 'AMR', 'Skolechef', 'Kredsformand', 'Næstformand', 'Formand for skolelederne'],
  },
  erfamoede: {
    kind: 'erfamoede',
    label: 'Erfa-møde',
    description: 'TRIO’er på tværs af skoler deler erfaringer med de tre formænd.',
    roles: ['Skolechef', 'Kredsformand', 'Formand for skolelederne', 'TRIO-deltager'],
  },
  lyttemoede: {
    kind: 'lyttemoede',
    label: 'Lyttemøde',
    description: 'Skolechef og kredsformand lytter til en gruppe lærere. Der træffes ingen beslutninger.',
    roles: ['Skolechef', 'Kredsformand'],
  },
  stormoede: {
    kind: 'stormoede',
    label: 'Stormøde',
    description: 'Skoler og politikere samles om refleksioner og handleplaner.',
    roles: ['Skolechef', 'Kredsformand', 'Deltager'],
  },
  egen: {
    kind: 'egen',
    label: 'Egen mødetype',
    description: 'Et forum I selv beskriver.',
    roles: [],
  },
};
