import { useState } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../shared/api/types';
import { PROCESS_HOW, PROCESS_KINDS, PROCESS_LABELS, type ProcessKind } from '../../../shared/domain/prompts';
import { useRun } from '../../stores/run';
import { runText as t } from '../../text/run';

/** Inviter til deltagelse: a structure per item so every voice is heard. */
export function ProcessPanel({ meeting, item }: { meeting: MeetingDetail; item: AgendaItem }) {
  const { act, send } = useRun();
  // A tick shows at once; the archive's answer then takes over (and undoes it if the save failed).
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const hadTurn = (personId: string) => pending[personId] ?? item.roundDone.includes(personId);
  async function tick(personId: string, done: boolean) {
    setPending((p) => ({ ...p, [personId]: done }));
    await act('run.tickRound', { itemId: item.id, personId, done });
    setPending(({ [personId]: _settled, ...rest }) => rest);
  }
  const present = meeting.participants.filter((p) => p.attendance === 'deltager');
  const phases = meeting.cycle.phases;
  return (
    <section className="process-panel" aria-labelledby="process-title">
      <h3 id="process-title">{t.process}</h3>
      <label className="field-hint block" htmlFor="process-select">
        {t.chooseProcess}
      </label>
      <select
        id="process-select"
        value={item.process ?? ''}
        onChange={(e) => send('run.setProcess', { itemId: item.id, process: e.target.value === '' ? null : (e.target.value as ProcessKind) })}
      >
        <option value="">{t.processNone}</option>
        {PROCESS_KINDS.map((k) => (
          <option key={k} value={k}>
            {PROCESS_LABELS[k]}
          </option>
        ))}
      </select>
      {item.process && <p className="muted">{PROCESS_HOW[item.process]}</p>}
      {item.process === 'runde' && (
        <fieldset className="round">
          <legend>{t.roundTitle}</legend>
          <p className="field-hint">{t.roundHint}</p>
          <ul>
            {present.map((p) => {
              const done = hadTurn(p.personId);
              return (
                <li key={p.personId}>
                  <label className={done ? 'round-done' : undefined}>
                    <input
                      type="checkbox"
                      checked={done}
                      onChange={(e) => void tick(p.personId, e.target.checked)}
                    />
                    <span>
                      {p.name} <span className="muted">({p.role})</span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <p className="round-count" role="status">
            {t.roundDone(present.filter((p) => hadTurn(p.personId)).length, present.length)}
          </p>
        </fieldset>
      )}
      {item.process === 'cyklus' && phases.length > 0 && (
        <div className="cycle">
          <p>
            <strong>{meeting.cycle.name}</strong>
          </p>
          <ol className="cycle-phases">
            {phases.map((ph, index) => (
              <li key={ph.title} aria-current={index === item.cyclePhase ? 'step' : undefined}>
                <strong>{ph.title}</strong> <span className="muted">{ph.hint}</span>
              </li>
            ))}
          </ol>
          {item.cyclePhase < phases.length - 1 && (
            <button type="button" onClick={() => send('run.setCyclePhase', { itemId: item.id, phase: item.cyclePhase + 1 })}>
              {t.nextPhase}: {phases[item.cyclePhase + 1]?.title}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
