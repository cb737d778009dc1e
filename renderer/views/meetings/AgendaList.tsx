import { useState, type DragEvent, type KeyboardEvent } from 'react';
import { itemWarnings, minutesOver } from '../../../shared/domain/agendaWarnings';
import type { AgendaItem, ConsentRound, MeetingDetail } from '../../../shared/api/types';
import { ColourBadge } from '../../components/ColourBadge';
import { Icon } from '../../components/Icon';
import { Notice } from '../../components/Notice';
import { minutes, shortDate } from '../../format';
import { useApiQuery, write } from '../../api/queries';
import { AgendaNewsBar } from '../comments/AgendaNewsBar';
import { NewsFlags } from '../comments/NewsFlags';
import { meetingsText as t } from '../../text/meetings';
import { sagText } from '../../text/sager';
import { startTimes } from '../../../shared/domain/startTimes';
import { keptWordsText } from '../../text/keptWords';

interface AgendaListProps {
  meeting: MeetingDetail;
  selectedId: string | null;
  onSelect(itemId: string): void;
  /** The referat is approved: the order stands, so nothing offers to move an item. */
  readOnly: boolean;
}

/**
 * The agenda in order, reordered by dragging or from the keyboard (Alt+arrow or the move buttons); read-only
 * (the referat approved, or the user a læser of the shared forum) it is only read.
 */
export function AgendaList({ meeting, selectedId, onSelect, readOnly }: AgendaListProps) {
  const [dragged, setDragged] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState<string>();
  const [error, setError] = useState<string>();
  const over = minutesOver(meeting.plannedMinutes, meeting.durationMinutes);
  const times = startTimes(meeting.startsAt, meeting.items);
  const typeLabel = (key: string) => meeting.itemTypes.find((x) => x.key === key)?.label ?? key;
  // In a shared forum a late item or a forvarsel waits for named people; the flag names them until they have.
  const { data: consents } = useApiQuery('agenda.consents', { meetingId: meeting.id });
  const awaited = (itemId: string, kind: 'sent' | 'forvarsel'): Waiting | null => {
    const round: ConsentRound | undefined = consents?.shared ? consents.items.find((c) => c.itemId === itemId)?.[kind] : undefined;
    if (!round || round.complete || round.awaited.length === 0) return null;
    return { given: round.given.map((g) => g.name).join(', '), awaited: round.awaited.map((a) => a.name).join(', ') };
  };
  // What others added or changed since the user last looked: only a shared forum has others.
  const shared = useApiQuery('sync.forum', { forumId: meeting.forumId }).data?.shared === true;
  const news = useApiQuery('agenda.news', { meetingId: meeting.id }, { enabled: shared }).data;
  // Words typed in an item while it was closed, kept for the members until one of them chooses (KeptWords.tsx).
  const kept = useApiQuery('agenda.keptWords', { meetingId: meeting.id }, { enabled: shared }).data;

  async function move(item: AgendaItem, toPosition: number) {
    if (toPosition < 1 || toPosition > meeting.items.length || toPosition === item.position) return;
    const outcome = await write('agenda.moveItem', { itemId: item.id, toPosition });
    if (!outcome.ok) return setError(outcome.error.message);
    setError(undefined);
    setAnnouncement(t.moved(item.title, toPosition));
  }

  function onKeyDown(event: KeyboardEvent, item: AgendaItem) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    void move(item, item.position + (event.key === 'ArrowUp' ? -1 : 1));
  }

  function onDrop(event: DragEvent, target: AgendaItem) {
    event.preventDefault();
    const item = meeting.items.find((i) => i.id === dragged);
    setDragged(null);
    if (item) void move(item, target.position);
  }

  return (
    <section aria-labelledby="agenda-title" className="agenda-section">
      <div className="section-header">
        <h2 id="agenda-title">{t.agenda}</h2>
        <p className={over > 0 ? 'time-total time-over' : 'time-total'}>{t.planned(meeting.plannedMinutes, meeting.durationMinutes)}</p>
      </div>
      {over > 0 && <p className="warning">{t.overPlanned(over)}</p>}
      {shared && news && <AgendaNewsBar news={news} />}
      {!readOnly && <p className="muted small">{t.moveHint}</p>}
      <Notice kind="error">{error}</Notice>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {meeting.items.length === 0 ? (
        <p className="empty">{t.noItems}</p>
      ) : (
        <ol className="agenda-list">
          {meeting.items.map((item, index) => {
            const colour = meeting.forumColours.find((c) => c.key === item.announcedColour);
            const warnings = itemWarnings(item);
            return (
              <li
                key={item.id}
                className={[
                  'agenda-row',
                  item.id === selectedId ? 'selected' : '',
                  item.id === dragged ? 'dragging' : '',
                  readOnly ? 'locked' : '',
                ].join(' ')}
                // Nothing starts a drag on a read-only agenda, so the drop below never has an item to move.
                draggable={!readOnly}
                onDragStart={() => setDragged(item.id)}
                onDragEnd={() => setDragged(null)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => onDrop(e, item)}
              >
                {!readOnly && (
                  <span className="drag-handle" aria-hidden="true">
                    ⠿
                  </span>
                )}
                <button
                  type="button"
                  className="agenda-select"
                  aria-current={item.id === selectedId ? 'true' : undefined}
                  onClick={() => onSelect(item.id)}
                  onKeyDown={readOnly ? undefined : (e) => onKeyDown(e, item)}
                >
                  <span className="agenda-title">
                    <span className="item-number">{item.position}.</span> {item.title}
                  </span>
                  {shared && <NewsFlags news={news?.items.find((n) => n.itemId === item.id)} />}
                  {kept?.some((k) => k.itemId === item.id) && (
                    <span className="news-flags">
                      <span className="flag flag-news">✎ {keptWordsText.rowFlag}</span>
                    </span>
                  )}
                  <span className="item-meta">
                    <span>{typeLabel(item.type)}</span>
                    <span>{minutes(item.minutes)}</span>
                    <span>{t.startsAtTime(times[index] ?? '')}</span>
                    {item.owner && <span>{item.owner}</span>}
                    {colour && <ColourBadge colour={colour} />}
                    {item.confidential && (
                      <span className="flag flag-confidential">
                        <Icon name="laas" /> {t.confidentialFlag}
                      </span>
                    )}
                    {/* Once given, the flag says when and by whom, so the agenda shows the norm was kept. */}
                    {item.sensitive && (
                      <span className="flag">
                        <Icon name="brev" /> {forvarselFlag(item, awaited(item.id, 'forvarsel'))}
                      </span>
                    )}
                    {item.addedLate && (
                      <span className="flag">
                        <Icon name="ur" /> {lateFlag(item, awaited(item.id, 'sent'))}
                      </span>
                    )}
                    {item.sag && <span className="flag">{sagText.flag(item.sag.title)}</span>}
                  </span>
                  {warnings.map((w) => (
                    <span key={w.kind} className="item-warning">
                      ⚠ {w.message}
                    </span>
                  ))}
                  {item.decision && <span className="item-decided">✓ {t.decision}</span>}
                </button>
                {!readOnly && (
                  <span className="move-buttons">
                    <button type="button" className="icon" aria-label={t.moveUp(item.title)} disabled={index === 0} onClick={() => void move(item, item.position - 1)}>
                      ↑
                    </button>
                    <button
                      type="button"
                      className="icon"
                      aria-label={t.moveDown(item.title)}
                      disabled={index === meeting.items.length - 1}
                      onClick={() => void move(item, item.position + 1)}
                    >
                      ↓
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Who has given theirs and who is still awaited, by name. */
interface Waiting {
  given: string;
  awaited: string;
}

function forvarselFlag(item: AgendaItem, waiting: Waiting | null): string {
  if (item.forvarselAt) return t.forvarselGivenFlag(shortDate(item.forvarselAt));
  return waiting ? t.forvarselAwaitingFlag(waiting.given, waiting.awaited) : t.sensitiveFlag;
}

function lateFlag(item: AgendaItem, waiting: Waiting | null): string {
  if (item.consentAt) return t.lateConsentFlag(item.consentBy, shortDate(item.consentAt));
  return waiting ? t.lateAwaitingFlag(waiting.given, waiting.awaited) : t.lateFlag;
}
