import type { ListeningInput } from '../../../shared/api/listeningTypes';
import { listeningText as t } from '../../text/listening';
import { CapturedInput } from './CapturedInput';

/**
 * What has been heard, newest first: right under the line it was typed in, so the writer sees at a
 * glance that it landed, without scrolling during the conversation.
 */
export function CapturedList({ inputs, onRemoved }: { inputs: readonly ListeningInput[]; onRemoved(position: number): void }) {
  const newestFirst = [...inputs].reverse();
  return (
    <section className="captured" aria-labelledby="captured-title">
      <h2 id="captured-title">
        {t.capturedTitle} <span className="captured-count">({t.captured(inputs.length)})</span>
      </h2>
      {inputs.length === 0 ? (
        <p className="empty">{t.noInputs}</p>
      ) : (
        <ol className="captured-list" reversed>
          {newestFirst.map((input) => (
            <CapturedInput key={input.id} input={input} onRemoved={onRemoved} />
          ))}
        </ol>
      )}
    </section>
  );
}
