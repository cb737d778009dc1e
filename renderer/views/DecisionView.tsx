import type { FairProces } from '../../shared/api/types';
import { dissentText } from '../../shared/domain/dissent';
import { ACTION_STATUS_LABELS } from '../../shared/domain/actions';
import { useApiQuery } from '../api/queries';
import { ColourBadge } from '../components/ColourBadge';
import { Icon } from '../components/Icon';
import { Notice } from '../components/Notice';
import { longDate, shortDate } from '../format';
import { useRoute } from '../stores/route';
import { decisionText as t } from '../text/decision';
import '../styles/register.css';

const FAIR_PROCES: readonly { title: string; fields: readonly (readonly [keyof FairProces, string])[] }[] = [
  { title: t.involve, fields: [['involveContext', t.involveContext], ['involveNeed', t.involveNeed], ['involveHow', t.involveHow]] },
  { title: t.explain, fields: [['explainReasoning', t.explainReasoning], ['explainCompromises', t.explainCompromises], ['explainConstraints', t.explainConstraints]] },
  { title: t.expect, fields: [['expectGiven', t.expectGiven], ['expectOpen', t.expectOpen], ['expectOfWhom', t.expectOfWhom]] },
];

/**
 * One decision on its own page, read-only, as search and the register find it: what was decided, in which
 * colour and why, who decided, dissent, the Fair Proces reasoning and the item's actions, with the way on
 * to the meeting and the sag. Changing it happens in the meeting, where the referat's versions track it.
 */
export function DecisionView({ meetingId, decisionId }: { meetingId: string; decisionId: string }) {
  const navigate = useRoute((s) => s.navigate);
  // Refetched when the meeting changes, by the change events: the page never shows a stale decision.
  const { data: meeting, error } = useApiQuery('meetings.get', { meetingId });
  const item = meeting?.items.find((i) => i.decision?.id === decisionId);
  const decision = item?.decision;
  const colourOf = (key: string | null) => meeting?.forumColours.find((c) => c.key === key) ?? null;
  const announced = colourOf(item?.announcedColour ?? null);
  const used = colourOf(decision?.colour ?? null);
  const sag = item?.sag ?? null;

  return (
    <div className="page decision-page">
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <button type="button" className="link" onClick={() => navigate({ section: 'arkiv' })}>
          {t.back}
        </button>
      </nav>
      <Notice kind="error">{error?.message ?? (meeting && !decision ? t.notFound : undefined)}</Notice>
      {meeting && item && decision && (
        <article aria-labelledby="decision-title">
          <header className="page-header">
            <p className="kicker">{decision.outcome === 'afklaring_uden_enighed' ? t.unresolvedKicker : t.kicker}</p>
            <h1 id="decision-title">{item.title}</h1>
            <p className="lead">
              {[meeting.forumName, meeting.title, longDate(meeting.startsAt), t.item(item.position)].join(' · ')}
              {item.confidential && (
                <span className="search-lock">
                  {' '}
                  <Icon name="laas" /> {t.closed}
                </span>
              )}
            </p>
          </header>
          {item.confidential && <p className="warning">{t.closedHint}</p>}
          <dl className="decision-facts">
            {announced && announced.key !== used?.key && (
              <>
                <dt>{t.announced}</dt>
                <dd>
                  <ColourBadge colour={announced} />
                </dd>
              </>
            )}
            {used && (
              <>
                <dt>{announced && announced.key !== used.key ? t.used : t.colour}</dt>
                <dd>
                  <ColourBadge colour={used} />
                </dd>
              </>
            )}
            {decision.colourReason.trim() !== '' && (
              <>
                <dt>{t.colourReason}</dt>
                <dd>{decision.colourReason}</dd>
              </>
            )}
            {decision.decidedBy.trim() !== '' && (
              <>
                <dt>{t.decidedBy}</dt>
                <dd>{decision.decidedBy}</dd>
              </>
            )}
          </dl>
          <h2>{decision.outcome === 'afklaring_uden_enighed' ? t.unresolvedText : t.text}</h2>
          <p className="decision-text">{decision.text}</p>
          {decision.dissents.length > 0 && (
            <>
              <h2>{t.dissent}</h2>
              {decision.dissents.map((d) => (
                <blockquote key={d.id} className="decision-dissent">
                  {dissentText([d])}
                </blockquote>
              ))}
            </>
          )}
          <FairProcesList decision={decision} />
          <h2>{t.actions}</h2>
          {item.actions.length === 0 ? (
            <p className="muted">{t.noActions}</p>
          ) : (
            <ul className="decision-actions">
              {item.actions.map((a) => (
                <li key={a.id}>
                  <strong>{a.what}</strong> · {a.who} · {a.due ? t.due(shortDate(a.due)) : t.noDue} · {ACTION_STATUS_LABELS[a.status]}
                </li>
              ))}
            </ul>
          )}
          <p className="muted">{t.readOnly}</p>
          <div className="toolbar-buttons">
            <button type="button" onClick={() => navigate({ section: 'moeder', meetingId })}>
              {t.openMeeting}
            </button>
            {sag && (
              <button type="button" onClick={() => navigate({ section: 'arkiv', sagId: sag.id })}>
                {t.openSag(sag.title)}
              </button>
            )}
          </div>
        </article>
      )}
    </div>
  );
}

function FairProcesList({ decision }: { decision: FairProces }) {
  const groups = FAIR_PROCES.map((g) => ({ ...g, fields: g.fields.filter(([key]) => decision[key].trim() !== '') })).filter((g) => g.fields.length > 0);
  if (groups.length === 0) return null;
  return (
    <>
      <h2>{t.fair}</h2>
      {groups.map((group) => (
        <section key={group.title} className="decision-fair" aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl>
            {group.fields.map(([key, label]) => (
              <div key={key}>
                <dt>{label}</dt>
                <dd>{decision[key]}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}
