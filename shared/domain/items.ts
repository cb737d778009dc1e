/**
 * Agenda item types. The five built-in types always exist; users may add their own (stored in the
 * archive with a generated key). A beslutning must announce its decision colour before the meeting.
 */
export const ITEM_TYPES = ['orientering', 'droeftelse', 'beslutning', 'opfoelgning', 'eventuelt'] as const;
export type BuiltInItemType = (typeof ITEM_TYPES)[number];
/** A built-in type or the key of a user-defined one. */
export type ItemType = string;

export const ITEM_TYPE_LABELS: Readonly<Record<BuiltInItemType, string>> = {
  orientering: 'Orientering',
  droeftelse: 'Drøftelse',
  beslutning: 'Beslutning',
  opfoelgning: 'Opfølgning',
  eventuelt: 'Eventuelt',
};

export interface ItemTypeDefinition {
  key: string;
  label: string;
  builtIn: boolean;
}

export const BUILT_IN_ITEM_TYPES: readonly ItemTypeDefinition[] = ITEM_TYPES.map((key) => ({
  key,
  label: ITEM_TYPE_LABELS[key],
  builtIn: true,
}));

export function isBuiltInItemType(key: string): key is BuiltInItemType {
  return (ITEM_TYPES as readonly string[]).includes(key);
}

/**
 * The item where «Opfølgning fra sidst» is gone through: the first open item of the type Opfølgning. The
 * documents list the follow-up under it instead of once more in a section of their own.
 */
export function followUpItemId(items: readonly { id: string; type: ItemType; confidential: boolean }[]): string | null {
  return items.find((item) => item.type === 'opfoelgning' && !item.confidential)?.id ?? null;
}
