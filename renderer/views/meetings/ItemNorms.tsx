import { useState, type FormEvent } from 'react';
import { itemWarnings } from '../../../shared/domain/agendaWarnings';
import type { AgendaItem } from '../../../shared/api/types';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { shortDate } from '../../format';
import { useApiQuery, write } from '../../api/queries';
import { SharedConsent } from './SharedConsents';
import { meetingsText as t } from '../../text/meetings';

/**
 * Forvarsel and late-item consent: the item's warnings stay until it is done. In a forum on one laptop someone
 * records it; in a shared forum each of the others gives their own on their own laptop. Once the referat is
 * approved, or for a læser, it is only told what was given.
 */
export function ItemNorms({ item, readOnly }: { item: AgendaItem; readOnly: boolean }) {
  // A warning asks for something that can no longer be done on a read-only meeting.
  const warnings = readOnly ? [] : itemWarnings(item);
  const { data: consents } = useApiQuery('agenda.consents', { meetingId: item.meetingId });
  const rounds = consents?.items.find((c) => c.itemId === item.id);
  if (consents?.shared && rounds) {
    return (
      <div className="item-norms">
        {warnings.map((w) => (
          <p key={w.kind} className="warning">
            {w.message}
          </p>
        ))}
        {item.sensitive && <SharedConsent itemId={item.id} kind="forvarsel" round={rounds.forvarsel} consents={consents} readOnly={readOnly} />}
        {item.addedLate && <SharedConsent itemId={item.id} kind="sent" round={rounds.sent} consents={consents} readOnly={readOnly} />}
      </div>
    );
  }
  return (
    <div className="item-norms">
      {warnings.map((w) => (
        <p key={w.kind} className="warning">
          {w.message}
        </p>
      ))}
      {item.sensitive &&
        (item.forvarselAt ? (
          <p className="done-note">
            ✓ {t.forvarselConfirmed(shortDate(item.forvarselAt))} {item.forvarselNote}
          </p>
        ) : (
          !readOnly && <ForvarselForm itemId={item.id} />
        ))}
      {item.addedLate &&
        (item.consentAt ? <p className="done-note">✓ {t.consentGiven(item.consentBy, shortDate(item.consentAt))}</p> : !readOnly && <ConsentForm itemId={item.id} />)}
    </div>
  );
}

function ForvarselForm({ itemId }: { itemId: string }) {
  const errors = useFormErrors(['note']);
  const [note, setNote] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await write('agenda.confirmForvarsel', { itemId, note });
    if (!outcome.ok) errors.set(outcome.error);
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t.confirmForvarsel} className="inline-form">
      <Notice kind="error">{errors.general}</Notice>
      <Field label={t.forvarselNote} error={errors.at('note')}>
        {(props) => <input {...props} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit">{t.confirmForvarsel}</button>
    </form>
  );
}

function ConsentForm({ itemId }: { itemId: string }) {
  const errors = useFormErrors(['consentBy']);
  const [consentBy, setConsentBy] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const outcome = await write('agenda.recordConsent', { itemId, consentBy });
    if (!outcome.ok) errors.set(outcome.error);
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t.recordConsent} className="inline-form">
      <Notice kind="error">{errors.general}</Notice>
      <Field label={t.consentBy} error={errors.at('consentBy')}>
        {(props) => <input {...props} value={consentBy} onChange={(e) => setConsentBy(e.target.value)} />}
      </Field>
      <button type="submit">{t.recordConsent}</button>
    </form>
  );
}
