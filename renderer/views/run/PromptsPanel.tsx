import { useState } from 'react';
import { COURAGE_CARD, MOVE_LABELS, MOVE_PURPOSE, MOVES, promptsFor, type ItemStage } from '../../../shared/domain/prompts';
import type { AgendaItem, MeetingDetail } from '../../../shared/api/types';
import { runText as t } from '../../text/run';

/** Short prompts for the three moves, suited to the phase, the item's stage and its colour. */
export function PromptsPanel({ meeting, item, stage }: { meeting: MeetingDetail; item: AgendaItem | null; stage: ItemStage }) {
  const [courage, setCourage] = useState(false);
  const phase = meeting.run.phase === 'checkout' ? 'checkout' : item ? 'punkt' : 'saet_scenen';
  const prompts = promptsFor({ phase, stage, colour: item?.announcedColour ?? null, process: item?.process ?? null });
  return (
    <details className="prompts" open>
      <summary>{t.prompts}</summary>
      {MOVES.map((move) => {
        const forMove = prompts.filter((p) => p.move === move);
        if (forMove.length === 0) return null;
        return (
          <section key={move} className={`move move-${move}`} aria-label={MOVE_LABELS[move]}>
            <h3>{MOVE_LABELS[move]}</h3>
            <p className="move-purpose">{MOVE_PURPOSE[move]}</p>
            <ul>
              {forMove.map((p) => (
                <li key={p.id}>{p.text}</li>
              ))}
            </ul>
          </section>
        );
      })}
      <button type="button" className="link" aria-expanded={courage} onClick={() => setCourage(!courage)}>
        {courage ? t.hideCourage : t.showCourage}
      </button>
      {courage && (
        <section className="courage" aria-label={COURAGE_CARD.title}>
          <h3>{COURAGE_CARD.title} …</h3>
          <ul>
            {COURAGE_CARD.items.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </section>
      )}
    </details>
  );
}
