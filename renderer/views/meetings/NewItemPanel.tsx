import type { MeetingDetail } from '../../../shared/api/types';
import { write } from '../../api/queries';
import { meetingsText as t } from '../../text/meetings';
import { EMPTY_ITEM, ItemForm } from './ItemForm';
import { ItemTypeAdder } from './ItemTypeAdder';

export function NewItemPanel({ meeting }: { meeting: MeetingDetail }) {
  return (
    <section className="panel" aria-labelledby="new-item-title">
      <h2 id="new-item-title">{t.newItem}</h2>
      <ItemForm
        initial={EMPTY_ITEM}
        colours={meeting.forumColours}
        itemTypes={meeting.itemTypes}
        submitLabel={t.addItem}
        savedMessage={(v) => t.itemAdded(v.title)}
        resetAfterSave
        onSubmit={(values) => write('agenda.addItem', { meetingId: meeting.id, ...values })}
      />
      <ItemTypeAdder />
    </section>
  );
}
