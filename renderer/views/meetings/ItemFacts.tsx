import type { ReactNode } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../shared/api/types';
import { ColourBadge } from '../../components/ColourBadge';
import { minutes } from '../../format';
import { meetingsText as t } from '../../text/meetings';

/** An item of a locked meeting as it was approved: the same fields as the item form, to read, not to change. */
export function ItemFacts({ meeting, item }: { meeting: MeetingDetail; item: AgendaItem }) {
  const colour = meeting.forumColours.find((c) => c.key === item.announcedColour);
  const type = meeting.itemTypes.find((x) => x.key === item.type)?.label ?? item.type;
  const marks = [item.confidential && t.confidentialFlag, item.sensitive && t.sensitiveFlag].filter((mark) => mark !== false);
  const rows: readonly (readonly [string, ReactNode])[] = [
    [t.itemTitle, item.title],
    [t.itemType, `${type} · ${minutes(item.minutes)}`],
    [t.announcedColour, colour ? <ColourBadge colour={colour} /> : t.noColour],
    [t.givenLabel, item.announcedGiven],
    [t.openLabel, item.announcedOpen],
    [t.owner, item.owner],
    [t.background, item.background],
    [t.marked, marks.join(' · ')],
  ];
  return (
    <dl className="item-facts">
      {rows
        .filter(([, value]) => value !== '')
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
