import { useState } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../shared/api/types';
import { ColourBadge } from '../../components/ColourBadge';
import { Notice } from '../../components/Notice';
import { useApiQuery, write } from '../../api/queries';
import { ItemComments } from '../comments/ItemComments';
import { ItemHistory } from '../comments/ItemHistory';
import { KeptWords } from '../comments/KeptWords';
import { ItemProposal } from '../proposal/ItemProposal';
import { useRoute } from '../../stores/route';
import { common } from '../../text/common';
import { meetingsText as t } from '../../text/meetings';
import { FromListeningLink } from './FromListeningLink';
import { ItemFacts } from './ItemFacts';
import { ItemForm, itemFormValues } from './ItemForm';
import { ItemNorms } from './ItemNorms';
import { SagSection } from './SagSection';
import { ActionsPanel } from '../run/ActionsPanel';
import { dissentText } from '../../../shared/domain/dissent';
import { DecisionPanel } from '../run/DecisionPanel';

interface ItemEditorProps {
  meeting: MeetingDetail;
  item: AgendaItem;
  /** The referat is approved: the item is read as approved; only what lives on after the meeting is offered. */
  readOnly: boolean;
  onClose(): void;
}

/** The selected agenda item: its fields, its forvarsel and consent, what was decided, and its sag. */
export function ItemEditor({ meeting, item, readOnly, onClose }: ItemEditorProps) {
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [error, setError] = useState<string>();
  const colourOf = (key: string | null) => meeting.forumColours.find((c) => c.key === key);
  const announced = colourOf(item.announcedColour);
  const decided = item.decision ? colourOf(item.decision.colour) : undefined;
  const sharing = useApiQuery('sync.forum', { forumId: meeting.forumId }).data;
  const shared = sharing?.shared === true;

  async function remove() {
    const outcome = await write('agenda.removeItem', { itemId: item.id });
    if (!outcome.ok) return setError(outcome.error.message);
    onClose();
  }

  return (
    <article className="panel item-editor" aria-labelledby="item-editor-title">
      <div className="section-header">
        <h2 id="item-editor-title">{readOnly ? t.itemHeading(item.position) : `${t.editItem} ${item.position}`}</h2>
        <button type="button" className="link" onClick={onClose}>
          {readOnly ? t.closeItem : t.newItem}
        </button>
      </div>
      {item.fromListening && <FromListeningLink from={item.fromListening} />}
      {/* Only a member's laptop holds the members' document where such words are kept. */}
      {shared && sharing.right === 'medlem' && <KeptWords meetingId={meeting.id} item={item} locked={readOnly} />}
      <ItemNorms item={item} readOnly={readOnly} />
      {readOnly ? (
        <ItemFacts meeting={meeting} item={item} />
      ) : (
        <ItemForm
          initial={itemFormValues(item)}
          colours={meeting.forumColours}
          itemTypes={meeting.itemTypes}
          submitLabel={t.saveItem}
          savedMessage={() => t.itemSaved}
          onSubmit={(values) => write('agenda.updateItem', { itemId: item.id, ...values })}
        />
      )}
      {item.decision && decided && (
        <section className="decision" aria-label={t.decision}>
          <p className="decision-head">
            <strong>{t.decision}</strong> <ColourBadge colour={decided} />
          </p>
          <p className="decision-text">{item.decision.text}</p>
          {item.decision.colourReason && announced && (
            <p className="muted">
              {t.colourChanged(announced.label, decided.label)} {item.decision.colourReason}
            </p>
          )}
          {item.decision.dissents.map((d) => (
            <blockquote key={d.id} className="dissent">
              {dissentText([d])}
            </blockquote>
          ))}
          {/* The decision form, which shows the reasoning, is not offered where the meeting is read-only; the register's page shows it. */}
          {readOnly && <DecisionLink meetingId={meeting.id} decisionId={item.decision.id} />}
        </section>
      )}
      {!readOnly && <DecisionPanel key={item.decision?.recordedAt ?? 'ny'} meeting={meeting} item={item} />}
      <ActionsPanel meeting={meeting} itemId={item.id} actions={item.actions} readOnly={readOnly} />
      <SagSection item={item} />
      {/* A shared TRIO's item may go on to the praksisforum, through its inbox on the same server. */}
      {sharing?.shared && meeting.forumKind === 'trio' && <ItemProposal item={item} sharing={sharing} />}
      {/* Comments and history come from the others' laptops: a forum that is not shared has neither. */}
      {shared && <ItemComments itemId={item.id} mode={readOnly ? 'laesning' : 'forberedelse'} />}
      {shared && <ItemHistory itemId={item.id} />}
      {!readOnly && (
        <div className="danger-zone">
          <Notice kind="error">{error}</Notice>
          {confirmRemove ? (
            <p>
              {t.removeQuestion(item.title)}{' '}
              <button type="button" className="danger" onClick={() => void remove()}>
                {t.confirmRemove}
              </button>{' '}
              <button type="button" onClick={() => setConfirmRemove(false)}>
                {common.cancel}
              </button>
            </p>
          ) : (
            <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
              {t.removeItem}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/** To the decision's own page in the archive, which shows all of it, the Fair Proces reasoning too. */
function DecisionLink({ meetingId, decisionId }: { meetingId: string; decisionId: string }) {
  const navigate = useRoute((s) => s.navigate);
  return (
    <button type="button" className="link" onClick={() => navigate({ section: 'arkiv', decision: { meetingId, decisionId } })}>
      {t.readDecision}
    </button>
  );
}
