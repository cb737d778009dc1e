import { COLOUR_FRAMING } from '../../../shared/domain/prompts';
import { ColourBadge } from '../../components/ColourBadge';
import { useApiQuery } from '../../api/queries';
import { useRun } from '../../stores/run';
import { runText as t } from '../../text/run';
import { FollowUpPanel } from './FollowUpPanel';
import { NotesField } from './NotesField';
import { OverrunPanel } from './OverrunPanel';
import { ItemTitle } from './ItemTitle';
import { ProcessPanel } from './ProcessPanel';
import { RevealControl } from './RevealControl';
import { RunComments } from './RunComments';
import { RunTimer } from './RunTimer';
import type { ScreenItem, ScreenMeeting } from './screenView';
import { useElapsed } from './useElapsed';
import { useClockOffset } from './useRunMeeting';

interface CurrentItemProps {
  meeting: ScreenMeeting;
  item: ScreenItem;
  /** The screen may be on the projector; a closed item is masked unless it was revealed. */
  projectorSafe: boolean;
}

/**
 * The current item: what it is about, how much influence there is, how we talk about it, and notes.
 * A masked item has no content to show, and no notes field: nobody should type blind into hidden text.
 */
export function CurrentItem({ meeting, item, projectorSafe }: CurrentItemProps) {
  const send = useRun((s) => s.send);
  const clockOffset = useClockOffset(meeting.id);
  const elapsed = useElapsed(item, clockOffset);
  const colour = meeting.forumColours.find((c) => c.key === item.announcedColour);
  const typeLabel = meeting.itemTypes.find((x) => x.key === item.type)?.label ?? item.type;
  const overrun = elapsed > item.minutes * 60 && item.runState === 'igang';
  // Members comment before the meeting on their own laptops: only a shared forum has comments to bring.
  const shared = useApiQuery('sync.forum', { forumId: meeting.forumId }).data?.shared === true;
  return (
    <section className="run-stage" aria-labelledby="item-title">
      <p className="kicker">
        {t.phaseItem(item.position, meeting.items.length)} · {typeLabel}
        {item.owner && ` · ${item.owner}`}
      </p>
      <h2 id="item-title" className="run-item-title" tabIndex={-1} data-stage-heading>
        <ItemTitle item={item} />
      </h2>
      {item.confidential && (projectorSafe ? <RevealControl meetingId={meeting.id} item={item} /> : <p className="warning">{t.confidential}</p>)}
      {colour && (
        <div className="run-colour">
          <p>
            <span className="muted">{t.announced}:</span> <ColourBadge colour={colour} />
          </p>
          <p className="colour-framing">{COLOUR_FRAMING[colour.key]}</p>
          <p className="muted">{colour.meaning}</p>
        </div>
      )}
      <RunTimer
        item={item}
        clockOffset={clockOffset}
        onToggle={() => send('run.timer', { itemId: item.id, action: item.timerStartedAt ? 'pause' : 'start' })}
        onReset={() => send('run.timer', { itemId: item.id, action: 'nulstil' })}
      />
      {overrun && <OverrunPanel meeting={meeting} item={item} />}
      {item.background && (
        <>
          <h3>{t.background}</h3>
          <p className="pre-line">{item.background}</p>
        </>
      )}
      {item.type === 'opfoelgning' && <FollowUpPanel meeting={meeting} projectorSafe={projectorSafe} />}
      <ProcessPanel meeting={meeting} item={item} />
      {shared && !item.masked && <RunComments key={`kommentarer-${item.id}`} itemId={item.id} projectorSafe={projectorSafe} />}
      {!item.masked && <NotesField key={item.id} itemId={item.id} initial={item.notes} />}
    </section>
  );
}
