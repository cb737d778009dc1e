import { useState } from 'react';
import type { ConsentKind, ConsentRound, MeetingConsents } from '../../../shared/api/types';
import { Notice } from '../../components/Notice';
import { write } from '../../api/queries';
import { dateAndTime } from '../../format';
import { meetingsText as t } from '../../text/meetings';

interface SharedConsentProps {
  itemId: string;
  kind: ConsentKind;
  round: ConsentRound;
  consents: MeetingConsents;
  /** The referat is approved: what was given stands, and nobody gives or withdraws any more. */
  readOnly: boolean;
}

/**
 * A shared forum's consent to a late item or confirmation of a forvarsel: each owner gives their own on their
 * own laptop, so this lists who has (✓) and who is awaited (…) in words, and offers the button only to «me».
 */
export function SharedConsent({ itemId, kind, round, consents, readOnly }: SharedConsentProps) {
  const [error, setError] = useState<string>();
  const me = consents.me;
  const mine = me !== null && round.given.some((g) => g.personId === me);
  const asked = me !== null && round.awaited.some((a) => a.personId === me);
  const sent = kind === 'sent';
  const answering = !consents.readOnly && !readOnly;

  async function answer(given: boolean) {
    if (me === null) return;
    const result = await write('agenda.consent', { itemId, kind, personId: me, given });
    setError(result.ok ? undefined : result.error.message);
  }

  const title = sent ? t.consentsTitle : t.forvarselTitle;
  return (
    <section className="shared-consent" aria-label={title}>
      <h4>{title}</h4>
      <Notice kind="error">{error}</Notice>
      <ul className="consent-list">
        {round.given.map((g) => (
          <li key={g.personId} className="done-note">
            ✓ {sent ? t.consentFrom(g.name, dateAndTime(g.givenAt)) : t.forvarselFrom(g.name, dateAndTime(g.givenAt))}
          </li>
        ))}
        {round.awaited.map((a) => (
          <li key={a.personId} className="awaited">
            … {sent ? t.awaitingConsent(a.name) : t.awaitingForvarsel(a.name)}
          </li>
        ))}
        {round.given.length === 0 && round.awaited.length === 0 && <li className="muted">{t.noOneToAsk}</li>}
      </ul>
      {answering && asked && (
        <button type="button" className="primary" onClick={() => void answer(true)}>
          {sent ? t.giveConsent : t.confirmForvarselMine}
        </button>
      )}
      {answering && mine && (
        <button type="button" onClick={() => void answer(false)}>
          {sent ? t.withdrawConsent : t.withdrawForvarsel}
        </button>
      )}
    </section>
  );
}
