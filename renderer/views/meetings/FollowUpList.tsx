import { ACTION_STATUS_LABELS, isOverdue } from '../../../shared/domain/actions';
import type { OpenAction } from '../../../shared/api/types';
import { shortDate } from '../../format';
import { followUpText } from '../../text/followup';
import { meetingsText as t } from '../../text/meetings';
import { todayLocal } from '../../today';

/** "Opfølgning fra sidst": open actions come back on every agenda until they are done or dropped. */
export function FollowUpList({ actions }: { actions: readonly OpenAction[] }) {
  const today = todayLocal();
  return (
    <section className="panel follow-up" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t.followUpTitle}</h2>
      {actions.length === 0 ? (
        <p className="empty">{t.followUpEmpty}</p>
      ) : (
        <ul className="plain-list">
          {actions.map((a) => (
            <li key={a.id}>
              <strong>{a.what}</strong>
              <span className="row-meta">
                {[ACTION_STATUS_LABELS[a.status], a.who, a.due ? shortDate(a.due) : t.noDue].filter((part) => part !== '').join(' · ')}
                {(a.status === 'forsinket' || isOverdue(a, today)) && <strong className="overdue"> · {followUpText.overdue}</strong>}
                {a.itemTitle && ` · ${a.itemTitle}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
