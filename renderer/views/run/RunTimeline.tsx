import { ColourBadge } from '../../components/ColourBadge';
import { runText as t } from '../../text/run';
import { ItemTitle } from './ItemTitle';
import type { ScreenMeeting } from './screenView';

interface RunTimelineProps {
  meeting: ScreenMeeting;
  onGo(target: { phase: 'saet_scenen' | 'checkout' } | { phase: 'punkt'; itemId: string }): void;
}

const STATE_MARK = { kommende: '○', igang: '▶', faerdig: '✓', parkeret: '⏸', handling: '→' } as const;

/** The agenda as a timeline: done, current, coming; planned against used minutes. */
export function RunTimeline({ meeting, onGo }: RunTimelineProps) {
  const { phase, currentItemId } = meeting.run;
  return (
    <nav className="run-timeline" aria-label={t.timeline}>
      <ol>
        <li>
          <button type="button" aria-current={phase === 'saet_scenen' ? 'step' : undefined} onClick={() => onGo({ phase: 'saet_scenen' })}>
            <span className="tl-mark" aria-hidden="true">
              ◆
            </span>
            {t.phaseScene}
          </button>
        </li>
        {meeting.items.map((item) => {
          // Once a decision took another colour than the announced one, the list shows the one used.
          const usedKey = item.decision?.colour ?? item.announcedColour;
          const colour = meeting.forumColours.find((c) => c.key === usedKey);
          const announced = usedKey !== item.announcedColour ? meeting.forumColours.find((c) => c.key === item.announcedColour) : undefined;
          const used = Math.round(item.timerElapsed / 60);
          return (
            <li key={item.id}>
              <button
                type="button"
                className={`tl-item tl-${item.runState}`}
                aria-current={phase === 'punkt' && currentItemId === item.id ? 'step' : undefined}
                onClick={() => onGo({ phase: 'punkt', itemId: item.id })}
              >
                <span className="tl-mark" aria-hidden="true">
                  {STATE_MARK[item.runState]}
                </span>
                <span className="tl-text">
                  <span className="tl-title">
                    {item.position}. <ItemTitle item={item} />
                  </span>
                  <span className="tl-meta">
                    {t.state[item.runState]} · {item.minutes} min. {t.planned}
                    {item.timerElapsed > 0 && ` · ${used} ${t.used}`}
                    {announced && colour && ` · ${t.colourChanged(colour.label, announced.label)}`}
                  </span>
                </span>
                {colour && <ColourBadge colour={colour} showLabel={false} />}
              </button>
            </li>
          );
        })}
        <li>
          <button type="button" aria-current={phase === 'checkout' ? 'step' : undefined} onClick={() => onGo({ phase: 'checkout' })}>
            <span className="tl-mark" aria-hidden="true">
              ◆
            </span>
            {t.phaseCheckout}
          </button>
        </li>
      </ol>
    </nav>
  );
}
