import { useEffect, useRef, useState } from 'react';
import type { ListeningInput } from '../../../shared/api/listeningTypes';
import { DESTINATION_DEFINITIONS, type Destination } from '../../../shared/domain/listening';
import { Notice } from '../../components/Notice';
import { shortDate } from '../../format';
import { useApiQuery, write } from '../../api/queries';
import { SentState } from '../inbox/SentState';
import { useRoute } from '../../stores/route';
import { listeningText as t } from '../../text/listening';
import { DestinationBadge } from './DestinationBadge';
import { NoteField } from './NoteField';
import { QuoteText } from './QuoteText';
import { SendDialog } from './SendDialog';
import { ThemeChips } from './ThemeChips';

/** One input to sort: where it belongs (S/K/P), a note, its themes, and sending it on. */
export function SortInput({ input, seriesThemes }: { input: ListeningInput; seriesThemes: readonly string[] }) {
  const navigate = useRoute((s) => s.navigate);
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  // Where the focus goes once the dialog is gone: the input's «Sendt til …» or «Send videre» button.
  const sendSpot = useRef<HTMLButtonElement>(null);
  const inboxSpot = useRef<HTMLParagraphElement>(null);
  // Sent to a shared forum's inbox: its state (afventer, optaget, afvist) takes the button's place.
  const { data: sentToInboxes } = useApiQuery('inbox.sent', {});
  const submission = sentToInboxes?.find((s) => s.listeningInputId === input.id) ?? null;
  const returnFocus = useRef(false);
  // The choice shows at once; the archive's answer (or its refusal) follows.
  const [pending, setPending] = useState<Destination | null | undefined>(undefined);
  const shown = pending === undefined ? input.destination : pending;
  const groupName = `destination-${input.id}`;
  const label = t.inputNumber(input.position);

  useEffect(() => {
    if (sending || !returnFocus.current) return;
    returnFocus.current = false;
    (sendSpot.current ?? inboxSpot.current)?.focus();
  }, [sending]);

  function closeDialog() {
    returnFocus.current = true;
    setSending(false);
  }

  async function choose(destination: Destination | null) {
    setPending(destination);
    const outcome = await write('listening.sortInput', { inputId: input.id, destination });
    setPending(undefined);
    setError(outcome.ok ? undefined : outcome.error.message);
  }

  return (
    <li className="sort-item" aria-label={label}>
      <div className="sort-text">
        <span className="captured-number" aria-hidden="true">
          {input.position}
        </span>
        <p>
          <QuoteText text={input.text} isQuote={input.isQuote} />
        </p>
      </div>
      <fieldset className="destination-choice">
        <legend>
          {t.destination} <span className="visually-hidden">({label})</span>
        </legend>
        {DESTINATION_DEFINITIONS.map((d) => (
          <label key={d.key} className="destination-option">
            <input type="radio" name={groupName} checked={shown === d.key} onChange={() => void choose(d.key)} />
            <DestinationBadge destination={d.key} />
          </label>
        ))}
        <label className="destination-option">
          <input type="radio" name={groupName} checked={shown === null} onChange={() => void choose(null)} />
          <span className="destination-none">{t.unsorted}</span>
        </label>
      </fieldset>
      <Notice kind="error">{error}</Notice>
      <div className="sort-details">
        <NoteField input={input} />
        <ThemeChips input={input} seriesThemes={seriesThemes} />
      </div>
      <div className="sort-send">
        {input.sentTo ? (
          <button ref={sendSpot} type="button" className="sent-link" onClick={() => navigate({ section: 'moeder', meetingId: input.sentTo?.meetingId })}>
            {t.sentTo(input.sentTo.forumName, shortDate(input.sentTo.startsAt))}
          </button>
        ) : submission ? (
          <SentState ref={inboxSpot} submission={submission} />
        ) : input.sentToInbox ? (
          <p ref={inboxSpot} tabIndex={-1} className="inbox-sent inbox-sent-afventer">
            {t.sentToInboxElsewhere(input.sentToInbox.forumName, shortDate(input.sentToInbox.sentAt))}
          </p>
        ) : (
          <button ref={sendSpot} type="button" aria-label={`${t.sendOn}: ${label}`} onClick={() => setSending(true)}>
            {t.sendOn}
          </button>
        )}
      </div>
      {sending && <SendDialog input={input} onClose={closeDialog} />}
    </li>
  );
}
