import { useState, type FormEvent } from 'react';
import type { MeetingDetail, Participant } from '../../../shared/api/types';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { write } from '../../api/queries';
import { meetingsText as t } from '../../text/meetings';

/**
 * Who comes, in which role ("kasket"), who has sent afbud, who facilitates and who writes the referat; on a
 * read-only meeting as the documents record it, in words.
 */
export function ParticipantsPanel({ meeting, readOnly }: { meeting: MeetingDetail; readOnly: boolean }) {
  const [error, setError] = useState<string>();

  async function change(p: Participant, patch: Partial<Participant>) {
    const next = { ...p, ...patch };
    const outcome = await write('participants.set', {
      meetingId: meeting.id,
      personId: p.personId,
      role: next.role,
      attendance: next.attendance,
      facilitator: next.facilitator,
      referent: next.referent,
    });
    setError(outcome.ok ? undefined : outcome.error.message);
  }

  async function remove(p: Participant) {
    const outcome = await write('participants.remove', { meetingId: meeting.id, personId: p.personId });
    setError(outcome.ok ? undefined : outcome.error.message);
  }

  return (
    <section className="panel" aria-labelledby="participants-title">
      <h2 id="participants-title">{t.participants}</h2>
      <Notice kind="error">{error}</Notice>
      {meeting.participants.length === 0 ? (
        <p className="empty">{t.noParticipants}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t.guestName}</th>
              <th scope="col">{t.guestRole}</th>
              <th scope="col">{t.attending}</th>
              <th scope="col">{t.facilitator}</th>
              <th scope="col">{t.referent}</th>
              {!readOnly && (
                <th scope="col">
                  <span className="visually-hidden">{t.remove}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {meeting.participants.map((p) =>
              readOnly ? (
                <tr key={p.personId} className={p.attendance === 'afbud' ? 'absent' : undefined}>
                  <td>{p.name}</td>
                  <td>{p.role}</td>
                  <td>{p.attendance === 'afbud' ? t.absent : t.attending}</td>
                  <td>{p.facilitator ? t.yes : t.no}</td>
                  <td>{p.referent ? t.yes : t.no}</td>
                </tr>
              ) : (
                <tr key={p.personId} className={p.attendance === 'afbud' ? 'absent' : undefined}>
                  <td>{p.name}</td>
                  <td>{p.role}</td>
                  <td>
                    <select
                      aria-label={t.attendance(p.name)}
                      value={p.attendance}
                      onChange={(e) => void change(p, { attendance: e.target.value === 'afbud' ? 'afbud' : 'deltager' })}
                    >
                      <option value="deltager">{t.attending}</option>
                      <option value="afbud">{t.absent}</option>
                    </select>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.facilitatorFor(p.name)}
                      checked={p.facilitator}
                      onChange={(e) => void change(p, { facilitator: e.target.checked })}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t.referentFor(p.name)}
                      checked={p.referent}
                      onChange={(e) => void change(p, { referent: e.target.checked })}
                    />
                  </td>
                  <td>
                    <button type="button" className="link" aria-label={t.removeParticipant(p.name)} onClick={() => void remove(p)}>
                      {t.remove}
                    </button>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      )}
      {!readOnly && <GuestForm meetingId={meeting.id} />}
    </section>
  );
}

function GuestForm({ meetingId }: { meetingId: string }) {
  const errors = useFormErrors(['name', 'role']);
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await write('participants.addGuest', { meetingId, name, role });
    if (!outcome.ok) return errors.set(outcome.error);
    errors.clear();
    setName('');
    setRole('');
  }
  return (
    <details className="tool">
      <summary>{t.addGuest}</summary>
      <form onSubmit={submit} noValidate aria-label={t.addGuest}>
        <Notice kind="error">{errors.general}</Notice>
        <div className="field-row">
          <Field label={t.guestName} error={errors.at('name')}>
            {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
          </Field>
          <Field label={t.guestRole} error={errors.at('role')}>
            {(props) => <input {...props} value={role} onChange={(e) => setRole(e.target.value)} />}
          </Field>
        </div>
        <button type="submit">{t.addGuest}</button>
      </form>
    </details>
  );
}
