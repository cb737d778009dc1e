import type { OpenAction } from '../../../shared/api/types';
import { shortDate } from '../../format';
import { followUpText } from '../../text/followup';
import { meetingsText as t } from '../../text/meetings';
import { todayLocal } from '../today';

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
                {a.who} · {a.due ? shortDate(a.due) : t.noDue}
                {a.due && a.due < today && <strong className="overdue"> · {followUpText.overdue}</strong>}
                {a.itemTitle && ` · ${a.itemTitle}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
