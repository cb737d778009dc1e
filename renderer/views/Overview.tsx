import { ColourBadge } from '../components/ColourBadge';
import { ColourLegend, distinctColours } from '../components/ColourLegend';
import { clockTime, longDate, shortDate } from '../format';
import { useApiQuery } from '../api/queries';
import { Notice } from '../components/Notice';
import { useMeetings } from '../stores/meetings';
import { followUpText as t } from '../text/followup';
import { MeetingRows } from './meetings/MeetingRows';
import { todayLocal } from './today';

/** How many open actions and newest decisions the Oversigt shows. */
const OVERVIEW_ACTIONS = 6;
const LATEST_DECISIONS = 5;

export function Overview() {
  const meetings = useMeetings((s) => s.meetings);
  // Bounded reads: the few the Oversigt shows, never every open action of the archive.
  const actions = useApiQuery('actions.list', { status: 'alle_aabne', limit: OVERVIEW_ACTIONS });
  const latest = useApiQuery('decisions.list', { limit: LATEST_DECISIONS });
  const openActions = actions.data?.rows ?? [];
  const decisions = latest.data?.rows ?? [];
  const now = `${todayLocal()}T00:00`;
  const upcoming = meetings.filter((m) => m.startsAt >= now).reverse().slice(0, 5);
  const drafts = meetings.filter((m) => m.status === 'afholdt' && m.referatStatus !== 'godkendt');
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.overviewTitle}</h1>
        <p className="lead">{longDate(now)}</p>
      </header>
      <Notice kind="error">{(actions.error ?? latest.error)?.message}</Notice>
      <div className="three-columns">
        <section aria-labelledby="upcoming-title" className="panel">
          <h2 id="upcoming-title">{t.upcoming}</h2>
          {upcoming.length === 0 ? <p className="empty">{t.noUpcoming}</p> : <MeetingRows meetings={upcoming} showForum />}
        </section>
        <section aria-labelledby="drafts-title" className="panel">
          <h2 id="drafts-title">{t.drafts}</h2>
          {drafts.length === 0 ? <p className="empty">{t.noDrafts}</p> : <MeetingRows meetings={drafts} showForum />}
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
