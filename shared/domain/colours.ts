/**
 * Fair Proces decision colours. The colour is announced on the agenda and recorded on the decision,
 * so nobody expects more influence than they get. Colour is never the only signal: each colour has
 * its own shape and a two-letter code (gul and grøn share a first letter).
 */
export const COLOUR_KEYS = ['roed', 'gul', 'groen', 'blaa'] as const;
export type ColourKey = (typeof COLOUR_KEYS)[number];

export type ColourShape = 'trekant' | 'ruder' | 'cirkel' | 'firkant';

export interface ColourDefinition {
  key: ColourKey;
  label: string;
  /** Two letters that tell the colours apart in black-and-white print and for colour-blind users. */
  code: string;
  shape: ColourShape;
  /** What the colour promises the forum about its influence, in plain Danish. */
  meaning: string;
  /** Background colour, #RRGGBB. */
  hex: string;
  /** Text colour on the background; chosen for WCAG AA contrast. */
  textHex: string;
}

export const DEFAULT_COLOURS: readonly ColourDefinition[] = [
  {
    key: 'roed',
    label: 'Rød',
    code: 'RØ',
    shape: 'trekant',
    meaning: 'Ledelsen træffer beslutningen. Forummet bliver orienteret og får begrundelsen.',
    hex: '#C62828',
    textHex: '#FFFFFF',
  },
  {
    key: 'gul',
    label: 'Gul',
    code: 'GU',
    shape: 'ruder',
    meaning:
      'Ledelsen træffer beslutningen, men først efter at have hørt forummet. Der meldes tilbage, hvordan input blev brugt.',
    hex: '#F2C200',
    textHex: '#1A1A1A',
  },
  {
    key: 'groen',
    label: 'Grøn',
    code: 'GR',
    shape: 'cirkel',
    meaning: 'Vi beslutter sammen i forummet, inden for en ramme der er sagt højt på forhånd.',
    hex: '#2E7D32',
    textHex: '#FFFFFF',
  },
  {
    key: 'blaa',
    label: 'Blå',
    code: 'BL',
    shape: 'firkant',
    meaning: 'Ingen beslutning endnu. Vi undersøger sagen sammen og samler viden, før nogen beslutter.',
    hex: '#1565C0',
    textHex: '#FFFFFF',
  },
];

export function isColourKey(value: string): value is ColourKey {
  return (COLOUR_KEYS as readonly string[]).includes(value);
}
