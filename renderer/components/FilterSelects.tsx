import { DEFAULT_COLOURS, isColourKey, type ColourKey } from '../../shared/domain/colours';
import { useApiQuery } from '../api/queries';
import { filterText as t } from '../text/common';
import { Field } from './Field';

/** The forum filter shared by the archive's search and the decision register. */
export function ForumFilter({ value, onChange }: { value: string; onChange(forumId: string): void }) {
  const forums = useApiQuery('forums.list', {}).data ?? [];
  return (
    <Field label={t.forum}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t.allForums}</option>
          {forums.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name} · {f.school}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The colour filter: label and code in words, since an option list cannot show the badge's colour. */
export function ColourFilter({ value, onChange }: { value: ColourKey | ''; onChange(colour: ColourKey | ''): void }) {
  return (
    <Field label={t.colour}>
      {(props) => (
        <select {...props} value={value} onChange={(e) => onChange(isColourKey(e.target.value) ? e.target.value : '')}>
          <option value="">{t.allColours}</option>
          {DEFAULT_COLOURS.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label} ({c.code})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
