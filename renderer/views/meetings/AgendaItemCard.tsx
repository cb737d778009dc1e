import type { AgendaItem } from '../../../shared/api/types';
import type { ColourDefinition } from '../../../shared/domain/colours';
import { ITEM_TYPE_LABELS } from '../../../shared/domain/items';
import { ColourBadge } from '../../components/ColourBadge';
import { shortDate, minutes } from '../../format';
import { meetingsText as t } from '../../text/meetings';
import { ActionForm } from './ActionForm';
import { DecisionForm } from './DecisionForm';

export function AgendaItemCard({ item, colours }: { item: AgendaItem; colours: readonly ColourDefinition[] }) {
  const colourOf = (key: string | null) => colours.find((c) => c.key === key);
  const announced = colourOf(item.announcedColour);
  const decided = item.decision ? colourOf(item.decision.colour) : undefined;
  const headingId = `item-${item.id}-title`;
  return (
    <article className="item-card" aria-labelledby={headingId}>
      <header className="item-header">
        <h3 id={headingId}>
          <span className="item-number">{item.position}.</span> {item.title}
        </h3>
        <p className="item-meta">
          <span>{ITEM_TYPE_LABELS[item.type]}</span>
          <span>{minutes(item.minutes)}</span>
          {item.owner && <span>{item.owner}</span>}
          {announced && (
            <span className="item-announced">
              {t.announced}: <ColourBadge colour={announced} />
            </span>
          )}
        </p>
      </header>
      {item.background && <p className="item-background">{item.background}</p>}
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
        </section>
      )}
      {item.actions.length > 0 && (
        <section aria-label={t.actions}>
          <h4>{t.actions}</h4>
          <ul className="action-list">
            {item.actions.map((a) => (
              <li key={a.id}>
                <strong>{a.what}</strong> — {a.who}, {a.due ? shortDate(a.due) : t.noDue}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="item-tools">
        <DecisionForm item={item} colours={colours} />
        <ActionForm itemId={item.id} itemTitle={item.title} />
      </div>
    </article>
  );
}
