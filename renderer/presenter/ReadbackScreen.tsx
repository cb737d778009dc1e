import type { PresenterView } from '../../shared/api/types';
import { presenterText } from '../text/presenter';
import { BigBadge } from './BigBadge';

type Readback = NonNullable<PresenterView['readback']>;

/** Longer decisions step down in size so they still fit the wall; never below 48px at 1280×720. */
function sizeClass(text: string): string {
  if (text.length <= 140) return 'size-l';
  if (text.length <= 280) return 'size-m';
  return 'size-s';
}

/** The decision as it is read back to the room, in large type, so everyone can check the wording. */
export function ReadbackScreen({ readback }: { readback: Readback }) {
  const label = readback.outcome === 'beslutning' ? presenterText.readbackDecision : presenterText.readbackClarification;
  return (
    <>
      <div className="presenter-readback-head">
        {readback.colour && <BigBadge colour={readback.colour} />}
        <h1 className="presenter-readback-label">{label}</h1>
      </div>
      <p className={`presenter-decision ${sizeClass(readback.text)}`}>{readback.text}</p>
      {readback.dissent.trim() !== '' && <p className="presenter-dissent">{presenterText.dissent(readback.dissent)}</p>}
    </>
  );
}
