import type { PresenterView } from '../../shared/api/types';
import { presenterText } from '../text/presenter';
import { BigBadge } from './BigBadge';
import { FitToScreen } from './FitToScreen';

type Readback = NonNullable<PresenterView['readback']>;

/**
 * The decision as it is read back to the room, in large type, so everyone can check the wording; a long
 * one steps down in size to fit the wall and pages only below a readable size.
 */
export function ReadbackScreen({ readback }: { readback: Readback }) {
  const label = readback.outcome === 'beslutning' ? presenterText.readbackDecision : presenterText.readbackClarification;
  return (
    <>
      <div className="presenter-readback-head">
        {readback.colour && <BigBadge colour={readback.colour} />}
        <h1 className="presenter-readback-label">{label}</h1>
      </div>
      <FitToScreen content={`${readback.text}\n${readback.dissent}`}>
        <p className="presenter-decision">{readback.text}</p>
        {readback.dissent.trim() !== '' && <p className="presenter-dissent">{presenterText.dissent(readback.dissent)}</p>}
      </FitToScreen>
    </>
  );
}
