import type { ItemTypeDefinition } from '../../../shared/domain/items';

interface ItemTypeSelectProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  itemTypes: readonly ItemTypeDefinition[];
  value: string;
  onChange(value: string): void;
}

/** The forum's item types (built-in and the users' own) as a native select, for every form that makes an item. */
export function ItemTypeSelect({ itemTypes, value, onChange, ...aria }: ItemTypeSelectProps) {
  return (
    <select {...aria} value={value} onChange={(e) => onChange(e.target.value)}>
      {itemTypes.map((it) => (
        <option key={it.key} value={it.key}>
          {it.label}
        </option>
      ))}
    </select>
  );
}
