import { DESTINATION_DEFINITIONS, DESTINATIONS, type Destination } from '../../../shared/domain/listening';
import { Field } from '../../components/Field';
import type { OverviewFilters } from '../../stores/listeningOverview';
import { listeningText as t } from '../../text/listening';

function asDestination(value: string): OverviewFilters['destination'] {
  if (value === 'usorteret') return value;
  return (DESTINATIONS as readonly string[]).includes(value) ? (value as Destination) : '';
}

/** Destination (incl. not yet sorted), school, and quotes only. */
export function OverviewFilterBar({ schools, filters, onChange }: { schools: readonly string[]; filters: OverviewFilters; onChange(f: OverviewFilters): void }) {
  return (
    <form className="filter-bar" aria-label="Filtre" onSubmit={(e) => e.preventDefault()}>
      <Field label={t.filterDestination}>
        {(props) => (
          <select {...props} value={filters.destination} onChange={(e) => onChange({ ...filters, destination: asDestination(e.target.value) })}>
            <option value="">{t.allDestinations}</option>
            {DESTINATION_DEFINITIONS.map((d) => (
              <option key={d.key} value={d.key}>
                {d.letter} · {d.label}
              </option>
            ))}
            <option value="usorteret">{t.unsorted}</option>
          </select>
        )}
      </Field>
      <Field label={t.filterSchool}>
        {(props) => (
          <select {...props} value={filters.school} onChange={(e) => onChange({ ...filters, school: e.target.value })}>
            <option value="">{t.allSchools}</option>
            {schools.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="check filter-check">
        <input type="checkbox" checked={filters.quotesOnly} onChange={(e) => onChange({ ...filters, quotesOnly: e.target.checked })} />
        <span>{t.quotesOnly}</span>
      </label>
    </form>
  );
}
