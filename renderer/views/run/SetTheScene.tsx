import { COLOUR_FRAMING } from '../../../shared/domain/prompts';
import { ColourBadge } from '../../components/ColourBadge';
import { ColourLegend } from '../../components/ColourLegend';
import { runText as t } from '../../text/run';
import { ItemTitle } from './ItemTitle';
import type { ScreenMeeting } from './screenView';

/** Sæt scenen: purpose, stakes, the forum's rules and what today's colours promise. */
export function SetTheScene({ meeting, onBegin }: { meeting: ScreenMeeting; onBegin(): void }) {
  return (
    <section className="run-stage" aria-labelledby="scene-title">
      <h2 id="scene-title" tabIndex={-1} data-stage-heading>
        {t.sceneTitle}
      </h2>
      <p className="lead">{t.sceneIntro}</p>
      <h3>{t.purpose}</h3>
      <p className="run-purpose">{meeting.purpose || t.noPurpose}</p>
      {meeting.groundRules && (
        <>
          <h3>{t.groundRules}</h3>
          <p className="pre-line">{meeting.groundRules}</p>
        </>
      )}
      <h3>{t.todayColours}</h3>
      <ul className="today-colours">
        {meeting.items.map((item) => {
          const colour = meeting.forumColours.find((c) => c.key === item.announcedColour);
          return (
            <li key={item.id}>
              <span className="today-title">
                {item.position}. <ItemTitle item={item} />
              </span>
              {colour ? (
                <span>
                  <ColourBadge colour={colour} /> {COLOUR_FRAMING[colour.key]}
                </span>
              ) : (
                <span className="muted">{t.noColour}</span>
              )}
              {item.announcedGiven.trim() !== '' && (
                <span className="today-frame">
                  <strong>{t.announcedGiven}:</strong> {item.announcedGiven}
                </span>
              )}
              {item.announcedOpen.trim() !== '' && (
                <span className="today-frame">
                  <strong>{t.announcedOpen}:</strong> {item.announcedOpen}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <ColourLegend colours={meeting.forumColours} />
      {meeting.items[0] && (
        <button type="button" className="primary" onClick={onBegin} aria-keyshortcuts="ArrowRight N">
          {t.beginFirst} <kbd>N</kbd>
        </button>
      )}
    </section>
  );
}
