import { useState, type FormEvent } from 'react';
import type { GeneratedDocument, MeetingDetail, ReferatState } from '../../../shared/api/types';
import type { Result } from '../../../shared/api/envelope';
import { call } from '../../api/client';
import { useApiQuery, write } from '../../api/queries';
import { saveDocument } from '../../api/saveDocument';
import { DocumentPreview } from '../../components/DocumentPreview';
import { Field } from '../../components/Field';
import { Notice } from '../../components/Notice';
import { useFormErrors } from '../../components/useFormErrors';
import { dateAndTime, shortDate } from '../../format';
import { referatText as t } from '../../text/referat';
import { lastApprover } from '../../../shared/domain/referatLocker';
import { nameWithRole } from '../../../shared/domain/roles';
import type { Variant } from '../../../shared/domain/variant';

/**
 * After the meeting: approval by the co-owners, versions, and the documents made from the referat. A læser of the
 * shared forum (`readOnly`) reads it and takes its documents, and starts no new version.
 */
export function ReferatPanel({ meeting, readOnly }: { meeting: MeetingDetail; readOnly: boolean }) {
  // Refetched when the referat or the meeting changes (held, approved, a new version), by the change events.
  const { data: state, error } = useApiQuery('referat.get', { meetingId: meeting.id }, { enabled: meeting.status === 'afholdt' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();
  const [staffText, setStaffText] = useState<string>();

  async function download(result: Promise<Result<GeneratedDocument>>) {
    const answer = await result;
    if (!answer.ok) return setMessage({ kind: 'error', text: answer.error.message });
    saveDocument(answer.value);
    setMessage({ kind: 'ok', text: t.ready(answer.value.fileName) });
  }

  async function showText() {
    const answer = await call('documents.staffText', { meetingId: meeting.id });
    if (!answer.ok) return setMessage({ kind: 'error', text: answer.error.message });
    setStaffText(answer.value.text);
  }

  async function approveAs(personId: string) {
    const result = await write('referat.approve', { meetingId: meeting.id, personId });
    setMessage(result.ok ? undefined : { kind: 'error', text: result.error.message });
  }

  if (meeting.status !== 'afholdt') {
    return (
      <section className="panel" aria-labelledby="referat-title">
        <h2 id="referat-title">{t.title}</h2>
        <p className="muted">{t.notHeld}</p>
      </section>
    );
  }
  const current = state?.versions.at(-1);
  const approvedIds = new Set(current?.status === 'udkast' ? current.approvals.map((a) => a.personId) : []);
  return (
    <section className="panel referat-panel" aria-labelledby="referat-title">
      <h2 id="referat-title">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <Notice kind="error">{error?.message}</Notice>
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {state && (
        <>
          <p className={state.locked ? 'referat-state locked' : 'referat-state'}>
            {t.version(current?.number ?? 1)} · {state.locked ? t.approved : t.draft}
            {state.locked && current?.approvedAt && ` · ${t.approvedOn(shortDate(current.approvedAt))}`}
          </p>
          <ReferatPreview meetingId={meeting.id} />
          {state.coOwners.length === 0 && <p className="warning">{t.noCoOwners}</p>}
          {!state.locked && state.coOwners.length > 0 && state.shared && <SharedApprovals state={state} onApprove={approveAs} />}
          {!state.locked && state.coOwners.length > 0 && !state.shared && (
            <ul className="approvals">
              {state.coOwners.map((c) =>
                approvedIds.has(c.personId) ? (
                  <li key={c.personId} className="done-note">
                    ✓ {t.approvedBy} {nameWithRole(c.name, c.role)}
                  </li>
                ) : (
                  <li key={c.personId}>
                    <button type="button" className="primary" onClick={() => void approveAs(c.personId)}>
                      {t.approveAs(c.name, c.role)}
                    </button>
                  </li>
                ),
              )}
            </ul>
          )}
          {state.locked && current && (
            <p>
              {t.approvedBy}: {current.approvals.map((a) => nameWithRole(a.name, a.role)).join(', ')}
            </p>
          )}
          {state.locked && !readOnly && <NewVersionForm meetingId={meeting.id} />}
          {state.versions.length > 1 && (
            <details className="tool">
              <summary>{t.history}</summary>
              <ol className="versions">
                {state.versions.map((v) => (
                  <li key={v.number}>
                    <strong>{t.version(v.number)}</strong> · {v.status === 'godkendt' ? t.approved : t.draft}
                    {v.changeNote && (
                      <p>
                        {t.changeNote}: {v.changeNote}
                      </p>
                    )}
                    {v.changes.length > 0 && (
                      <ul>
                        {v.changes.map((c, index) => (
                          <li key={index}>
                            {c.confidential && <strong>{t.closedChange} </strong>}
                            {c.text}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </>
      )}
      <div className="toolbar-buttons">
        <button type="button" className="primary" onClick={() => void download(call('documents.referat', { meetingId: meeting.id, variant: 'delt' }))}>
          {t.exportShared}
        </button>
        <button type="button" onClick={() => void download(call('documents.referat', { meetingId: meeting.id, variant: 'fuld' }))}>
          {t.exportFull}
        </button>
        <button type="button" onClick={() => void download(call('documents.staffSummary', { meetingId: meeting.id }))}>
          {t.exportSummary}
        </button>
        <button type="button" onClick={() => void showText()}>
          {t.showText}
        </button>
        <button type="button" onClick={() => void download(call('exchange.export', { scope: 'moede', id: meeting.id, variant: 'fuld' }))}>
          {t.exportExchange}
        </button>
        <button type="button" onClick={() => void download(call('exchange.export', { scope: 'moede', id: meeting.id, variant: 'delt' }))}>
          {t.exportExchangeShared}
        </button>
      </div>
      {staffText !== undefined && (
        <Field label={t.textLabel}>
          {(props) => <textarea {...props} readOnly rows={10} value={staffText} onFocus={(e) => e.target.select()} />}
        </Field>
      )}
    </section>
  );
}

/** The referat exactly as it will be exported, shared or full, for the agenda owners to read before approving. */
function ReferatPreview({ meetingId }: { meetingId: string }) {
  const [variant, setVariant] = useState<Variant | null>(null);
  const { data, error, isPending } = useApiQuery('documents.referatPreview', { meetingId, variant: variant ?? 'delt' }, { enabled: variant !== null });
  const toggle = (shown: Variant) => setVariant((current) => (current === shown ? null : shown));
  return (
    // Not a region of its own: it is part of the Referat panel, whose name it would otherwise share.
    <div className="referat-preview">
      <h3>{t.previewTitle}</h3>
      <p className="muted">{t.previewIntro}</p>
      <div className="toolbar-buttons">
        <button type="button" aria-pressed={variant === 'delt'} onClick={() => toggle('delt')}>
          {variant === 'delt' ? t.previewHide : t.previewShared}
        </button>
        <button type="button" aria-pressed={variant === 'fuld'} onClick={() => toggle('fuld')}>
          {variant === 'fuld' ? t.previewHide : t.previewFull}
        </button>
      </div>
      {variant !== null && (
        <>
          <Notice kind="error">{error?.message}</Notice>
          {variant === 'fuld' && <p className="warning">{t.previewConfidential}</p>}
          {isPending && <p className="muted">{t.previewLoading}</p>}
          {data && <DocumentPreview html={data.html} label={t.previewLabel(variant)} />}
        </>
      )}
    </div>
  );
}

function NewVersionForm({ meetingId }: { meetingId: string }) {
  const errors = useFormErrors(['reason']);
  const [reason, setReason] = useState('');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await write('referat.newVersion', { meetingId, reason });
    if (!result.ok) return errors.set(result.error);
    errors.clear();
    setReason('');
  }
  return (
    <details className="tool">
      <summary>{t.newVersion}</summary>
      <form onSubmit={submit} noValidate aria-label={t.newVersion}>
        <p className="muted">{t.newVersionIntro}</p>
        <Notice kind="error">{errors.general}</Notice>
        <Field label={t.reason} error={errors.at('reason')}>
          {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} />}
        </Field>
        <button type="submit">{t.startNewVersion}</button>
      </form>
    </details>
  );
}

/**
 * A shared forum: each co-owner approves on their own laptop, so the only button is «Godkend referatet» for the
 * person this laptop is; the others' rows say whom the referat waits for, or when they approved (✓, in words).
 */
function SharedApprovals({ state, onApprove }: { state: ReferatState; onApprove(personId: string): Promise<void> }) {
  const current = state.versions.at(-1);
  const approvals = current?.status === 'udkast' ? current.approvals : [];
  const me = state.me;
  const mineAwaited = me !== null && state.coOwners.some((c) => c.personId === me) && !approvals.some((a) => a.personId === me);
  // Everyone has approved, yet it is not locked: the last approver's laptop locks it, and until it is online the others wait.
  const lockerId = lastApprover(state.coOwners.map((c) => c.personId), approvals);
  const locker = state.coOwners.find((c) => c.personId === lockerId);
  return (
    <>
      {(me === null || !state.coOwners.some((c) => c.personId === me)) && <p className="muted">{t.notLinked}</p>}
      <ul className="approvals">
        {state.coOwners.map((c) => {
          const approval = approvals.find((a) => a.personId === c.personId);
          if (approval) {
            return (
              <li key={c.personId} className="done-note">
                ✓ {t.approvedByAt(nameWithRole(c.name, c.role), dateAndTime(approval.approvedAt))}
              </li>
            );
          }
          return (
            <li key={c.personId} className="awaited">
              … {t.awaitingApproval(nameWithRole(c.name, c.role))}
            </li>
          );
        })}
      </ul>
      {mineAwaited && (
        <button type="button" className="primary" onClick={() => void onApprove(me)}>
          {t.approveMine}
        </button>
      )}
      {locker && <p className="muted">{locker.personId === me ? t.lockingHere : t.lockingThere(locker.name)}</p>}
    </>
  );
}
