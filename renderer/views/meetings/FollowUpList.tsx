import { ACTION_STATUS_LABELS, isOverdue } from '../../../shared/domain/actions';
import type { FollowUpAction } from '../../../shared/api/types';
import { shortDate } from '../../format';
import { followUpText, meetingFollowUpText } from '../../text/followup';
import { meetingsText as t } from '../../text/meetings';
import { todayLocal } from '../../today';
import { FollowUpHistory } from './FollowUpHistory';

/**
 * "Opfølgning fra sidst": open actions come back on every agenda until they are done or dropped, with
 * their history; what was done since the last meeting is shown too, not silently gone.
 */
export function FollowUpList({ actions, doneSinceLast }: { actions: readonly FollowUpAction[]; doneSinceLast: readonly FollowUpAction[] }) {
  return (
    <section className="panel follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t.followUpTitle}</h2>
      {actions.length === 0 ? (
        <p className="empty">{t.followUpEmpty}</p>
      ) : (
        <FollowUpItems actions={actions} labelledBy="follow-up-title" />
      )}
      <DoneSinceLast actions={doneSinceLast} />
    </section>
  );
}

/** What, status, who, deadline and item on one line; overdue in words, not colour alone. */
export function FollowUpLine({ action: a }: { action: FollowUpAction }) {
  const today = todayLocal();
  return (
    <>
      <strong>{a.what}</strong>
      <span className="row-meta">
        {[ACTION_STATUS_LABELS[a.status], a.who, a.due ? shortDate(a.due) : t.noDue].filter((part) => part !== '').join(' · ')}
        {(a.status === 'forsinket' || isOverdue(a, today)) && <strong className="overdue"> · {followUpText.overdue}</strong>}
        {a.itemTitle && ` · ${a.itemTitle}`}
      </span>
      {a.status === 'droppet' && a.dropReason && <span className="row-meta">{meetingFollowUpText.droppedBecause(a.dropReason)}</span>}
    </>
  );
}

/** «Udført siden sidst»: left out when nothing was done between the meetings. */
export function DoneSinceLast({ actions }: { actions: readonly FollowUpAction[] }) {
  if (actions.length === 0) return null;
  return (
    <>
      <h3 id="done-since-last-title">{meetingFollowUpText.doneSinceLastTitle}</h3>
      <p className="muted">{meetingFollowUpText.doneSinceLastIntro}</p>
      <FollowUpItems actions={actions} labelledBy="done-since-last-title" />
    </>
  );
}

/** Each action on its line with its dated history under it. */
function FollowUpItems({ actions, labelledBy }: { actions: readonly FollowUpAction[]; labelledBy: string }) {
  return (
    <ul className="plain-list" aria-labelledby={labelledBy}>
      {actions.map((a) => (
        <li key={a.id}>
          <FollowUpLine action={a} />
          <FollowUpHistory action={a} />
        </li>
      ))}
    </ul>
  );
}
