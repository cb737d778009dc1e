import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Forum, ForumMember } from '../../../shared/api/types';
import { FORUM_PRESETS } from '../../../shared/domain/forums';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { shortDate } from '../../format';
import { write } from '../../api/queries';
import { forumPageText as p } from '../../text/forums';
import { todayLocal } from '../../today';
import { useFocusInvalid } from '../../components/useFocusInvalid';

const m = p.members;

export function MembersTab({ forum }: { forum: Forum }) {
  const [ended, setEnded] = useState<string>();
  const current = forum.members.filter((member) => member.toDate === null);
  const former = forum.members
    .filter((member) => member.toDate !== null)
    .sort((a, b) => (b.toDate ?? '').localeCompare(a.toDate ?? '') || a.name.localeCompare(b.name, 'da'));

  return (
    <div className="tab-stack">
      <section aria-labelledby="members-current-title">
        <h2 id="members-current-title">{m.currentTitle}</h2>
        <Notice kind="ok">{ended}</Notice>
        {current.length === 0 ? (
          <p className="empty">{m.noCurrent}</p>
        ) : (
          <>
            {!current.some((member) => member.chair) && <p className="warning">{m.noChair}</p>}
            {!current.some((member) => member.agendaOwner) && <p className="warning">{m.noAgendaOwner}</p>}
            <table className="table members-table">
              <caption className="visually-hidden">{m.currentCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.name}</th>
                  <th scope="col">{m.role}</th>
                  <th scope="col">{m.from}</th>
                  <th scope="col" className="centre">{m.agendaOwner}</th>
                  <th scope="col" className="centre">{m.chair}</th>
                  <th scope="col">
                    <span className="visually-hidden">{m.actions}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {current.map((member) => (
                  <CurrentRow key={member.id} member={member} onEnded={setEnded} />
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
      <div className="two-columns">
        <section aria-labelledby="members-former-title">
          <h2 id="members-former-title">{m.formerTitle}</h2>
          <p className="muted">{m.formerIntro}</p>
          {former.length === 0 ? (
            <p className="empty">{m.noFormer}</p>
          ) : (
            <table className="table members-table former">
              <caption className="visually-hidden">{m.formerCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.name}</th>
                  <th scope="col">{m.role}</th>
                  <th scope="col">{m.period}</th>
                </tr>
              </thead>
              <tbody>
                {former.map((member) => (
                  <tr key={member.id}>
                    <th scope="row">{member.name}</th>
                    <td>{member.role}</td>
                    <td className="nowrap">{m.periodText(shortDate(member.fromDate), shortDate(member.toDate ?? member.fromDate))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        <AddMemberForm forum={forum} />
      </div>
    </div>
  );
}

function YesNo({ value }: { value: boolean }) {
  return (
    <>
      <span aria-hidden="true" className={value ? 'yes-mark' : 'no-mark'}>
        {value ? '✓' : '–'}
      </span>
      <span className="visually-hidden">{value ? p.yes : p.no}</span>
    </>
  );
}

function CurrentRow({ member, onEnded }: { member: ForumMember; onEnded(message: string | undefined): void }) {
  const [ending, setEnding] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasEnding = useRef(false);

  useEffect(() => {
    if (!ending && wasEnding.current) buttonRef.current?.focus();
    wasEnding.current = ending;
  }, [ending]);

  return (
    <tr className={ending ? 'row-ending' : undefined}>
      <th scope="row">{member.name}</th>
      <td>{member.role}</td>
      <td className="nowrap">{shortDate(member.fromDate)}</td>
      <td className="centre">
        <YesNo value={member.agendaOwner} />
      </td>
      <td className="centre">
        <YesNo value={member.chair} />
      </td>
      <td className="action-cell">
        {ending ? (
          <EndMemberForm member={member} onCancel={() => setEnding(false)} onEnded={onEnded} />
        ) : (
          <button
            type="button"
            ref={buttonRef}
            className="small"
            aria-label={m.endFor(member.name, member.role)}
            onClick={() => {
              onEnded(undefined);
              setEnding(true);
            }}
          >
            {m.end}
          </button>
        )}
      </td>
    </tr>
  );
}

function EndMemberForm({
  member,
  onCancel,
  onEnded,
}: {
  member: ForumMember;
  onCancel(): void;
  onEnded(message: string): void;
}) {
  const errors = useFormErrors(['toDate']);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [toDate, setToDate] = useState(todayLocal());
  const [busy, setBusy] = useState(false);
  const titleId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => inputRef.current?.focus(), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await write('members.end', { memberId: member.id, toDate });
    setBusy(false);
    if (!outcome.ok) {
      errors.set(outcome.error);
      return focusInvalid();
    }
    // The row leaves the table on reload; the message tells where it went.
    onEnded(m.ended(member.name, member.role));
  }

  return (
    <form ref={formRef} className="end-member" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <p id={titleId} className="end-member-title">
        {m.endTitle(member.name, member.role)}
      </p>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={m.toDate} error={errors.at('toDate')}>
        {(props) => (
          <input {...props} ref={inputRef} type="date" min={member.fromDate} value={toDate} onChange={(e) => setToDate(e.target.value)} />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="primary small" disabled={busy}>
          {m.endConfirm}
        </button>
        <button type="button" className="small" onClick={onCancel} disabled={busy}>
          {p.cancel}
        </button>
      </div>
    </form>
  );
}

const ADD_FIELDS = ['name', 'role', 'fromDate', 'agendaOwner', 'chair'] as const;

function AddMemberForm({ forum }: { forum: Forum }) {
  const errors = useFormErrors(ADD_FIELDS);
  const [formRef, focusInvalid] = useFocusInvalid<HTMLFormElement>();
  const [name, setName] = useState('');
  const [role, setRole] = useState('');
  const [fromDate, setFromDate] = useState(todayLocal());
  const [agendaOwner, setAgendaOwner] = useState(false);
  const [chair, setChair] = useState(false);
  const [added, setAdded] = useState<string>();
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const roles = FORUM_PRESETS[forum.kind].roles;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setAdded(undefined);
    const outcome = await write('members.add', { forumId: forum.id, name, role, fromDate, agendaOwner, chair });
    setBusy(false);
    if (!outcome.ok) {
      errors.set(outcome.error);
      return focusInvalid();
    }
    errors.clear();
    setAdded(m.added(name.trim()));
    setName('');
    setRole('');
    setAgendaOwner(false);
    setChair(false);
  }

  return (
    <form ref={formRef} className="panel" onSubmit={submit} aria-labelledby="member-add-title" noValidate>
      <h2 id="member-add-title">{m.addTitle}</h2>
      <p className="muted">{m.addIntro}</p>
      <Notice kind="ok">{added}</Notice>
      <Notice kind="error">{errors.general}</Notice>
      <Field label={m.nameLabel} error={errors.at('name')}>
        {/* Read-only while saving, so a fast next entry is not cleared by the reset after the save. */}
        {(props) => <input {...props} readOnly={busy} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
      </Field>
      <Field label={m.roleLabel} error={errors.at('role')} hint={roles.length > 0 ? m.roleHint : undefined}>
        {(props) => (
          <>
            <input
              {...props}
              readOnly={busy}
              list={roles.length > 0 ? listId : undefined}
              value={role}
              onChange={(e) => setRole(e.target.value)}
              autoComplete="off"
            />
            {roles.length > 0 && (
              <datalist id={listId}>
                {roles.map((r) => (
                  <option key={r} value={r} />
                ))}
              </datalist>
            )}
          </>
        )}
      </Field>
      <Field label={m.fromDate} error={errors.at('fromDate')}>
        {(props) => <input {...props} type="date" value={fromDate} onChange={(e) => setFromDate(e.target.value)} />}
      </Field>
      <Check label={m.agendaOwnerLabel} hint={m.agendaOwnerHint} checked={agendaOwner} onChange={setAgendaOwner} error={errors.at('agendaOwner')} />
      <Check label={m.chairLabel} hint={m.chairHint} checked={chair} onChange={setChair} error={errors.at('chair')} />
      <button type="submit" className="primary" disabled={busy}>
        {m.add}
      </button>
    </form>
  );
}

function Check({
  label,
  hint,
  checked,
  onChange,
  error,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange(value: boolean): void;
  error: string | undefined;
}) {
  const id = useId();
  return (
    <div className="check-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={Boolean(error)}
      />
      <div className="check-text">
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
