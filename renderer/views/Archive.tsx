import { ColourBadge } from '../components/ColourBadge';
import { ColourLegend, distinctColours } from '../components/ColourLegend';
import { longDate } from '../format';
import { useFollowUp } from '../stores/followup';
import { useRoute } from '../stores/route';
import { followUpText as t } from '../text/followup';
import { SearchPanel } from './SearchPanel';

export function Archive() {
  const decisions = useFollowUp((s) => s.decisions);
  const navigate = useRoute((s) => s.navigate);
  const colours = distinctColours(decisions.map((d) => d.colourDefinition));
  return (
    <div className="page">
      <header className="page-header">
        <h1>{t.archiveTitle}</h1>
      </header>
      <SearchPanel />
      <section aria-labelledby="register-title">
        <h2 id="register-title">{t.registerTitle}</h2>
        <p className="lead">{t.registerIntro}</p>
        {decisions.length === 0 ? (
          <p className="empty">{t.noDecisions}</p>
        ) : (
          <ul className="register">
            {decisions.map((d) => (
              <li key={d.id} className="register-entry">
                <ColourBadge colour={d.colourDefinition} />
                <div>
                  <p className="register-title">{d.itemTitle}</p>
                  <p>{d.text}</p>
                  <p className="row-meta">
                    {d.forumName} ·{' '}
                    <button type="button" className="link" onClick={() => navigate({ section: 'moeder', meetingId: d.meetingId })}>
                      {d.meetingTitle}, {longDate(d.meetingStartsAt)}
                    </button>
                  </p>
                </div>
              </li>
            ))}
          </ul>
        )}
        {colours.length > 0 && <ColourLegend colours={colours} />}
      </section>
    </div>
  );
}
