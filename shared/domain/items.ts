/** Agenda item types. A beslutning must announce its decision colour before the meeting. */
export const ITEM_TYPES = ['orientering', 'droeftelse', 'beslutning', 'opfoelgning', 'eventuelt'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const ITEM_TYPE_LABELS: Readonly<Record<ItemType, string>> = {
  orientering: 'Orientering',
  droeftelse: 'Drøftelse',
  beslutning: 'Beslutning',
  opfoelgning: 'Opfølgning',
  eventuelt: 'Eventuelt',
};
