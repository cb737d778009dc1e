import { useEffect, useMemo } from 'react';
import type { MeetingDetail } from '../../../shared/api/types';
import { useProjectorSafe } from '../../stores/projectorSafe';
import { screenView, type ProjectorSafeReason, type ScreenMeeting } from './screenView';
import { useSecondDisplay } from './useSecondDisplay';

/**
 * The run screen's view of the meeting: masked while the screen may be on the projector. On by
 * default unless the browser knows of a second, separate display; the facilitator's choice wins.
 * A reveal ends when the facilitator leaves the item.
 */
export function useScreenView(meeting: MeetingDetail | null): {
  view: ScreenMeeting | null;
  projectorSafe: boolean;
  reason: ProjectorSafeReason;
} {
  const secondDisplay = useSecondDisplay();
  const choice = useProjectorSafe((s) => (meeting ? s.choices[meeting.id] : undefined));
  const revealed = useProjectorSafe((s) => s.revealed);
  const conceal = useProjectorSafe((s) => s.conceal);
  const projectorSafe = choice ?? !secondDisplay;
  const phase = meeting?.run.phase;
  const currentItemId = meeting?.run.currentItemId;
  const revealedItemId = revealed && meeting && revealed.meetingId === meeting.id ? revealed.itemId : null;

  useEffect(() => {
    if (revealed && (phase !== 'punkt' || revealed.itemId !== currentItemId)) conceal();
  }, [revealed, phase, currentItemId, conceal]);

  const view = useMemo(() => meeting && screenView(meeting, { projectorSafe, revealedItemId }), [meeting, projectorSafe, revealedItemId]);
  return { view, projectorSafe, reason: choice !== undefined ? 'valgt' : secondDisplay ? 'to_skaerme' : 'en_skaerm' };
}
