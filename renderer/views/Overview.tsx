import { useApiQuery } from '../api/queries';
import { ColourBadge } from '../components/ColourBadge';
import { ColourLegend, distinctColours } from '../components/ColourLegend';
import { clockTime, longDate, shortDate } from '../format';
import { Notice } from '../components/Notice';
import { useRoute } from '../stores/route';
import { followUpText as t } from '../text/followup';
import { MeetingRows } from './meetings/MeetingRows';
import { todayLocal } from '../today';
import { overviewInputs } from './overviewReads';

/** The start page: a bounded look at what is coming and what awaits someone, never the whole archive. */
export function Overview() {
  const navigate = useRoute((s) => s.navigate);
  const { now, ...inputs } = overviewInputs();
  const meetings = useApiQuery('meetings.overview', inputs.meetings);
  const actions = useApiQuery('actions.list', inputs.actions);
  const latest = useApiQuery('decisions.list', inputs.decisions);
  const upcoming = meetings.data?.upcoming ?? [];
  const drafts = meetings.data?.awaitingApproval ?? [];
  const draftCount = meetings.data?.awaitingApprovalCount ?? 0;
  const openActions = actions.data?.rows ?? [];
  const decisions = latest.data?.rows ?? [];
  const error = meetings.error ?? actions.error ?? latest.error;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.overviewTitle}</h1>
        <p className="lead">{longDate(now)}</p>
      </header>
      <Notice kind="error">{error?.message}</Notice>
      <div className="three-columns">
        <section aria-labelledby="upcoming-title" className="panel">
          <h2 id="upcoming-title">{t.upcoming}</h2>
          {upcoming.length === 0 ? <p className="empty">{t.noUpcoming}</p> : <MeetingRows meetings={upcoming} showForum />}
        </section>
        <section aria-labelledby="drafts-title" className="panel">
          <h2 id="drafts-title">{t.drafts}</h2>
          {drafts.length === 0 ? <p className="empty">{t.noDrafts}</p> : <MeetingRows meetings={drafts} showForum />}
          {draftCount > drafts.length && (
            <p className="more-link">
              {t.draftsShown(drafts.length, draftCount)}{' '}
              <button type="button" className="link" onClick={() => navigate({ section: 'moeder', awaitingApproval: true })}>
                {t.allDrafts}
              </button>
            </p>
          )}
        </section>
        <section aria-labelledby="open-actions-title" className="panel">
          <h2 id="open-actions-title">{t.openActions}</h2>
          {openActions.length === 0 ? (
            <p className="empty">{t.noOpenActions}</p>
          ) : (
            <ul className="plain-list">
              {openActions.map((a) => (
                <li key={a.id}>
                  <strong>{a.what}</strong>
                  <span className="row-meta">
                    {a.who}
                    {a.due && ` · ${shortDate(a.due)}`}
                    {a.due && a.due < todayLocal() && <span className="overdue"> · {t.overdue}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="latest-decisions-title" className="panel">
          <h2 id="latest-decisions-title">{t.latestDecisions}</h2>
          {decisions.length === 0 ? (
            <p className="empty">{t.noDecisions}</p>
          ) : (
            <ul className="plain-list">
              {decisions.map((d) => (
                <li key={d.id}>
                  <ColourBadge colour={d.colourDefinition} /> <strong>{d.itemTitle}</strong>
                  <span className="row-meta">
                    {d.forumName} · {longDate(d.meetingStartsAt)} {clockTime(d.meetingStartsAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {decisions.length > 0 && <ColourLegend colours={distinctColours(decisions.map((d) => d.colourDefinition))} />}
    </div>
  );
}
