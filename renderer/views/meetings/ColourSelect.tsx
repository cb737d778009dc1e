import type { ColourDefinition, ColourKey } from '../../../shared/domain/colours';
import { meetingsText as t } from '../../text/meetings';

interface ColourSelectProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
  colours: readonly ColourDefinition[];
  value: ColourKey | null;
  onChange(value: ColourKey | null): void;
  allowNone?: boolean;
}

/** A native select (keyboard and screen reader friendly); options carry label and code, not colour alone. */
export function ColourSelect({ colours, value, onChange, allowNone = false, ...aria }: ColourSelectProps) {
  return (
    <select
      {...aria}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : (e.target.value as ColourKey))}
    >
      {allowNone && <option value="">{t.noColour}</option>}
      {!allowNone && value === null && <option value="" disabled />}
      {colours.map((c) => (
        <option key={c.key} value={c.key}>
          {c.label} ({c.code}) – {c.meaning}
        </option>
      ))}
    </select>
  );
}
