import type { PresenterView } from '../../shared/api/types';
import { PROCESS_LABELS } from '../../shared/domain/prompts';
import { presenterText } from '../text/presenter';
import { ColourWithMeaning } from './BigBadge';
import { FitToScreen } from './FitToScreen';
import { TimerPanel } from './TimerPanel';

type Item = NonNullable<PresenterView['item']>;

/** The current item: title, announced colour with its meaning, the process and the clock. */
export function ItemScreen({ item, serverNow }: { item: Item; serverNow: number }) {
  if (item.hidden) return <HiddenItem />;
  return (
    <>
      <FitToScreen content={`${item.title}\n${item.colour?.meaning ?? ''}\n${item.announcedGiven}\n${item.announcedOpen}\n${item.process ?? ''}`}>
        <h1 className="presenter-title">{item.title}</h1>
        {item.colour && <ColourWithMeaning colour={item.colour} />}
        <AnnouncedFrame given={item.announcedGiven} open={item.announcedOpen} />
        {item.process && <p className="presenter-process">{presenterText.process(PROCESS_LABELS[item.process])}</p>}
      </FitToScreen>
      <TimerPanel item={item} serverNow={serverNow} />
    </>
  );
}

/** What the room cannot change and where it has a say, as announced with the item. */
function AnnouncedFrame({ given, open }: { given: string; open: string }) {
  if (given.trim() === '' && open.trim() === '') return null;
  return (
    <dl className="presenter-frame">
      {given.trim() !== '' && (
        <div>
          <dt>{presenterText.given}</dt>
          <dd className="pre-line">{given}</dd>
        </div>
      )}
      {open.trim() !== '' && (
        <div>
          <dt>{presenterText.open}</dt>
          <dd className="pre-line">{open}</dd>
        </div>
      )}
    </dl>
  );
}

/** A closed item shows its closed title and nothing else about it, not even its clock. */
function HiddenItem() {
  return (
    <>
      <h1 className="presenter-title">{presenterText.hiddenTitle}</h1>
      <p className="presenter-lead">{presenterText.hiddenNote}</p>
    </>
  );
}
