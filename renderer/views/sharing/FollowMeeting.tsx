import { useState } from 'react';
import type { MeetingDetail } from '../../../shared/api/types';
import { useApiQuery } from '../../api/queries';
import { Icon } from '../../components/Icon';
import { followText as t } from '../../text/sync';
import { useElapsed } from '../run/useElapsed';
import { useClockOffset } from '../run/useRunMeeting';
import '../../styles/sharing.css';

/**
 * On a meeting's page, when another member runs it on their own laptop: «<navn> leder mødet nu — Følg med».
 * Following shows the current item and its timer as they move there, read-only: both are fields of the
 * meeting document, so they arrive here like any other change, and nothing is taken over.
 */
export function FollowMeeting({ meeting }: { meeting: MeetingDetail }) {
  const leading = useApiQuery('sync.presence', { forumId: meeting.forumId }).data?.leading.find((lead) => lead.meetingId === meeting.id);
  const [following, setFollowing] = useState(false);
  if (!leading) return null;
  return (
    <section className="panel follow" aria-labelledby="follow-title">
      <div className="follow-banner">
        <h2 id="follow-title" className="follow-leader">
          <Icon name="online" /> {t.leads(leading.name)}
        </h2>
        <button type="button" aria-pressed={following} onClick={() => setFollowing(!following)}>
          {following ? t.stop : t.follow}
        </button>
      </div>
      {following && <FollowView meeting={meeting} />}
    </section>
  );
}

function FollowView({ meeting }: { meeting: MeetingDetail }) {
  const index = meeting.items.findIndex((item) => item.id === meeting.run.currentItemId);
  const item = index >= 0 ? meeting.items[index] : undefined;
  const elapsed = useElapsed(item ?? null, useClockOffset(meeting.id));
  return (
    <div className="follow-view">
      <p className="muted">{t.readOnly}</p>
      {/* Read out when the facilitator moves on. */}
      <div aria-live="polite" aria-atomic="true">
        {item ? (
          <>
            <p className="kicker">
              {t.current} · {t.itemOf(index + 1, meeting.items.length)}
            </p>
            <h3 className="follow-item">{item.title}</h3>
          </>
        ) : (
          <p>{t.noCurrent}</p>
        )}
      </div>
      {item && (
        <p className="follow-timer">
          <Icon name="ur" /> {t.timer}: {clock(elapsed)} {t.planned(item.minutes)} ({item.timerStartedAt ? t.timerRunning : t.timerStopped})
        </p>
      )}
    </div>
  );
}

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
