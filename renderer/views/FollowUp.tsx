import { useState } from 'react';
import { Notice } from '../components/Notice';
import { shortDate } from '../format';
import { useFollowUp } from '../stores/followup';
import { followUpText as t } from '../text/followup';
import { meetingsText } from '../text/meetings';
import { todayLocal } from './today';

export function FollowUp() {
  const { openActions, markDone } = useFollowUp();
  const [error, setError] = useState<string>();
  const today = todayLocal();

  async function done(actionId: string) {
    const outcome = await markDone(actionId);
    setError(outcome.ok ? undefined : outcome.error.message);
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.followUpTitle}</h1>
        <p className="lead">{t.followUpIntro}</p>
      </header>
      <Notice kind="error">{error}</Notice>
      {openActions.length === 0 ? (
        <p className="empty">{t.noOpenActions}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{meetingsText.what}</th>
              <th scope="col">{meetingsText.who}</th>
              <th scope="col">{meetingsText.due}</th>
              <th scope="col">{meetingsText.forum}</th>
              <th scope="col">
                <span className="visually-hidden">{t.markDoneShort}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {openActions.map((a) => {
              const overdue = a.due !== null && a.due < today;
              return (
                <tr key={a.id} className={overdue ? 'row-overdue' : undefined}>
                  <td>{a.what}</td>
                  <td>{a.who}</td>
                  <td>
                    {a.due ? shortDate(a.due) : meetingsText.noDue}
                    {overdue && <strong className="overdue"> · {t.overdue}</strong>}
                  </td>
                  <td>{t.from(a.forumName, a.itemTitle)}</td>
                  <td>
                    <button type="button" onClick={() => void done(a.id)} aria-label={t.markDone(a.what)}>
                      {t.markDoneShort}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
