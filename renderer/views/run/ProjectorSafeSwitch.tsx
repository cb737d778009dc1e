import { Icon } from '../../components/Icon';
import { useProjectorSafe } from '../../stores/projectorSafe';
import { runText as t } from '../../text/run';
import type { ProjectorSafeReason } from './screenView';

/** The mode in the run screen's header: on, it hides closed items on this very screen. */
interface ProjectorSafeSwitchProps {
  meetingId: string;
  on: boolean;
  reason: ProjectorSafeReason;
  /** A closed item is shown on purpose right now. */
  revealing: boolean;
}

export function ProjectorSafeSwitch({ meetingId, on, reason, revealing }: ProjectorSafeSwitchProps) {
  const choose = useProjectorSafe((s) => s.choose);
  return (
    <div className={on ? 'projector-safe is-on' : 'projector-safe'}>
      <label className="check compact">
        <input
          type="checkbox"
          checked={on}
          aria-describedby="projector-safe-why"
          aria-keyshortcuts="S"
          onChange={(e) => choose(meetingId, e.target.checked)}
        />
        <Icon name="laas" /> {t.projectorSafe}
      </label>
      <span id="projector-safe-why" className="projector-safe-why">
        {on && `${revealing ? t.projectorSafeRevealed : t.projectorSafeOn} `}
        {t.projectorSafeWhy[reason]}
      </span>
    </div>
  );
}
