import type { SagAction, SagEntry } from '../../../shared/api/methods/sager';
import { ColourBadge } from '../../components/ColourBadge';
import { Icon } from '../../components/Icon';
import { longDate, shortDate } from '../../format';
import { useRoute } from '../../stores/route';
import { sagText as t } from '../../text/sager';

/** Forums take turns through a few tones, in the order they join the sag; the chip always names the forum too. */
const FORUM_TONES = 4;

/** The vertical timeline: one dated marker per item, oldest first. */
export function SagEntries({ entries }: { entries: readonly SagEntry[] }) {
  const forumOrder = [...new Set(entries.map((e) => e.forumId))];
  const schools = new Set(entries.map((e) => e.school));
  return (
    <ol className="sag-timeline">
      {entries.map((entry) => (
        <Entry
          key={entry.itemId}
          entry={entry}
          tone={forumOrder.indexOf(entry.forumId) % FORUM_TONES}
          showSchool={schools.size > 1}
        />
      ))}
    </ol>
  );
}

function Entry({ entry: e, tone, showSchool }: { entry: SagEntry; tone: number; showSchool: boolean }) {
  const navigate = useRoute((s) => s.navigate);
  return (
    <li className="sag-entry">
      <time className="sag-marker" dateTime={e.meetingStartsAt}>
        {shortDate(e.meetingStartsAt)}
      </time>
      <article className={`sag-card forum-tone-${tone}`}>
        <p className="sag-card-head">
          <span className="forum-chip">
            {e.forumName}
            {showSchool && ` · ${e.school}`}
          </span>
          <button
            type="button"
            className="link"
            aria-label={t.openMeeting(e.meetingTitle, longDate(e.meetingStartsAt))}
            onClick={() => navigate({ section: 'moeder', meetingId: e.meetingId })}
          >
            {e.meetingTitle}
          </button>
          {!e.held && <span className="sag-coming">{t.coming}</span>}
        </p>
        <h3 className="sag-item-title">
          {e.confidential && (
            <span className="sag-closed">
              <Icon name="laas" /> {t.confidential}:{' '}
            </span>
          )}
          {e.itemTitle}
        </h3>
        <ul className="sag-steps" aria-label={t.stepsFor(e.itemTitle)}>
          {e.steps.map((step) => (
            <li key={step} className={`sag-step sag-step-${step}`}>
              {t.stepLabels[step]}
            </li>
          ))}
        </ul>
        {e.announcedColour && (
          <p className="sag-announced">
            {t.announced}: <ColourBadge colour={e.announcedColour} />
          </p>
        )}
        {e.notes && (
          <p className="sag-notes">
            <strong>{t.notes}:</strong> {e.notes}
          </p>
        )}
        {e.decision && (
          <div className="decision">
            <p className="decision-head">
              <strong>{t.decision}</strong> <ColourBadge colour={e.decision.colour} />
              {e.decision.outcome === 'afklaring_uden_enighed' && <span className="sag-tag">{t.noAgreement}</span>}
              {!e.decision.final && <span className="sag-tag">{t.draft}</span>}
            </p>
            {e.decision.text && <p className="decision-text">{e.decision.text}</p>}
            {e.decision.dissent && (
              <blockquote className="dissent">
                <strong>{t.dissent}:</strong> {e.decision.dissent}
              </blockquote>
            )}
          </div>
        )}
        {e.hidden && <p className="muted">{t.hidden}</p>}
        {e.actions.length > 0 && <Actions actions={e.actions} />}
      </article>
    </li>
  );
}

function Actions({ actions }: { actions: readonly SagAction[] }) {
  return (
    <div className="sag-actions">
      <h4>{t.actions}</h4>
      <ul>
        {actions.map((a) => (
          <li key={a.id}>
            <strong>{a.what}</strong> — {a.who}
            {a.due && `, ${t.due(shortDate(a.due))}`} · <span className={`action-status status-${a.status}`}>{t.status(t.statusLabels[a.status])}</span>
            {a.notes.length > 0 && (
              <ul className="sag-action-notes">
                {a.notes.map((n) => (
                  <li key={`${n.createdAt}-${n.note}`}>
                    <time dateTime={n.createdAt}>{shortDate(n.createdAt)}</time>: {n.note === '' ? t.statusLabels[n.statusTo] : n.note}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
