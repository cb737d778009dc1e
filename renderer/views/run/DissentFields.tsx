import '../../styles/itemPanels.css';
import type { DissentInput, Participant } from '../../../shared/api/types';
import { runText as t } from '../../text/run';
import { EMPTY_DISSENT } from './decisionValues';

/**
 * Dissent as records: who (a participant, shown with the role they sit in today, or a name and role
 * written by hand), their words verbatim, and whether it is a mindretalsudtalelse. Several per decision.
 */
export function DissentFields({
  itemId,
  dissents,
  participants,
  onChange,
}: {
  itemId: string;
  dissents: readonly DissentInput[];
  participants: readonly Participant[];
  onChange(dissents: DissentInput[]): void;
}) {
  const present = participants.filter((p) => p.attendance === 'deltager');
  const set = (index: number, patch: Partial<DissentInput>) => onChange(dissents.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  function choose(index: number, personId: string) {
    const person = present.find((p) => p.personId === personId);
    set(index, person ? { personId: person.personId, name: person.name, role: person.role } : { personId: null });
  }
  return (
    <fieldset className="dissents">
      <legend>{t.dissents}</legend>
      {dissents.length === 0 && <p className="muted">{t.noDissent}</p>}
      {dissents.map((d, index) => {
        const id = `dissens-${itemId}-${index}`;
        return (
          <fieldset key={index} className="dissent-record">
            <legend>{t.dissentNumber(index + 1)}</legend>
            <label htmlFor={`${id}-hvem`}>{t.dissentWho}</label>
            <select id={`${id}-hvem`} value={d.personId ?? ''} onChange={(e) => choose(index, e.target.value)}>
              <option value="">{t.dissentWrittenWho}</option>
              {present.map((p) => (
                <option key={p.personId} value={p.personId}>
                  {t.dissentPerson(p.name, p.role)}
                </option>
              ))}
            </select>
            {d.personId === null && (
              <>
                <label htmlFor={`${id}-navn`}>{t.dissentName}</label>
                <input id={`${id}-navn`} value={d.name} onChange={(e) => set(index, { name: e.target.value })} />
              </>
            )}
            <label htmlFor={`${id}-rolle`}>{t.dissentRole}</label>
            <input id={`${id}-rolle`} value={d.role} onChange={(e) => set(index, { role: e.target.value })} />
            <label htmlFor={`${id}-tekst`}>{t.dissentText}</label>
            <textarea id={`${id}-tekst`} rows={2} value={d.text} onChange={(e) => set(index, { text: e.target.value })} />
            <label className="check">
              <input type="checkbox" checked={d.minorityStatement} onChange={(e) => set(index, { minorityStatement: e.target.checked })} />
              {t.minorityStatement}
            </label>
            <button type="button" className="link" onClick={() => onChange(dissents.filter((_, i) => i !== index))}>
              {t.removeDissent(index + 1)}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => onChange([...dissents, EMPTY_DISSENT])}>
        {t.addDissent}
      </button>
    </fieldset>
  );
}
