import { useState } from 'react';
import { ok } from '../../../shared/api/envelope';
import type { InboxTarget } from '../../../shared/api/methods/inbox';
import type { AgendaItem } from '../../../shared/api/types';
import { useApiQuery, write } from '../../api/queries';
import { Field } from '../../components/Field';
import { inboxText } from '../../text/inbox';
import { proposalText as t } from '../../text/proposal';
import { WriteDialog, useWriteDialog } from '../listening/WriteDialog';

const FIELDS = ['forumId', 'title', 'text'] as const;

function sameServer(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/** The praksisfora on the TRIO's own server: the only forums a TRIO's item is proposed to. */
export function praksisTargets(targets: readonly InboxTarget[], serverUrl: string): InboxTarget[] {
  return targets.filter((target) => target.kind === 'praksisforum' && sameServer(target.serverUrl, serverUrl));
}

/**
 * A modal dialog that proposes a TRIO's item to a praksisforum's inbox: the forum, and the title and text as
 * the praksisforum will read them (prefilled from the item, edited by the member before it goes).
 */
export function ProposeDialog({ item, serverUrl, onClose }: { item: AgendaItem; serverUrl: string; onClose(): void }) {
  const { data, error: targetsError } = useApiQuery('inbox.targets', {});
  // The kommune's praksisfora, and one shared from this archive when the user is a member of it too.
  const targets = data ? praksisTargets([...data.targets, ...data.own], serverUrl) : null;
  const [chosen, setChosen] = useState<string | null>(null);
  const target = targets?.find((forum) => forum.forumId === chosen) ?? targets?.[0] ?? null;
  const [title, setTitle] = useState(item.title);
  const [text, setText] = useState(item.background);
  const { errors, formRef, submit } = useWriteDialog(
    FIELDS,
    () =>
      target
        ? write('inbox.propose', { itemId: item.id, serverUrl: target.serverUrl, forumId: target.forumId, forumName: target.name, title, text })
        : Promise.resolve(ok(null)),
    onClose,
  );
  // A message about the old value would now be wrong; the next send checks again.
  const edit = (set: (value: string) => void) => (value: string) => {
    errors.clear();
    set(value);
  };

  return (
    <WriteDialog
      titleId={`propose-title-${item.id}`}
      title={t.dialogTitle}
      quoted={item.title}
      formRef={formRef}
      onSubmit={submit}
      error={errors.general ?? targetsError?.message}
      submitLabel={target ? t.send : null}
      onClose={onClose}
    >
      {targets === null ? (
        <p>{t.loading}</p>
      ) : target === null ? (
        <>
          <p className="empty">{t.noTargets}</p>
          {data?.unreachable && <p className="muted">{data.unreachable}</p>}
        </>
      ) : (
        <>
          <Field label={t.forum} error={errors.at('forumId')}>
            {(props) => (
              <select {...props} value={target.forumId} onChange={(e) => edit(setChosen)(e.target.value)} autoFocus>
                {targets.map((forum) => (
                  <option key={forum.forumId} value={forum.forumId}>
                    {inboxText.kommuneOption(forum.name)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <p className="send-shared-note">{t.sharedNote}</p>
          {data?.unreachable && <p className="muted">{inboxText.unreachable(data.unreachable)}</p>}
          <p className="muted">{t.offlineNote}</p>
          <Field label={t.title} error={errors.at('title')}>
            {(props) => <input {...props} value={title} onChange={(e) => edit(setTitle)(e.target.value)} />}
          </Field>
          <Field label={t.text} hint={t.textHint} error={errors.at('text')}>
            {(props) => <textarea {...props} rows={5} value={text} onChange={(e) => edit(setText)(e.target.value)} />}
          </Field>
        </>
      )}
    </WriteDialog>
  );
}
