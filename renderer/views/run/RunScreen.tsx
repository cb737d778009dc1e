import { useEffect, useMemo, useRef, useState } from 'react';
import type { AgendaItem, MeetingDetail } from '../../../shared/api/types';
import type { ItemStage } from '../../../shared/domain/prompts';
import { Notice } from '../../components/Notice';
import { openPresenter } from '../../presenter/openPresenter';
import { useRoute } from '../../stores/route';
import { useProjectorSafe } from '../../stores/projectorSafe';
import { useRun } from '../../stores/run';
import { runText as t } from '../../text/run';
import '../../styles/run.css';
import { ActionsPanel } from './ActionsPanel';
import { CheckoutStage } from './CheckoutStage';
import { DecisionPanel } from './DecisionPanel';
import { CurrentItem } from './CurrentItem';
import { ProjectorSafeSwitch } from './ProjectorSafeSwitch';
import { PromptsPanel } from './PromptsPanel';
import { RunTimeline } from './RunTimeline';
import { useScreenView } from './useScreenView';
import { SetTheScene } from './SetTheScene';
import { ShortcutsOverlay } from './ShortcutsOverlay';
import { useLeadAnnouncement } from './useLeadAnnouncement';
import { useRunKeys } from './useRunKeys';
import { EndConfirm } from './EndConfirm';
import { focusShortcut, focusStageHeading } from './stageFocus';
import { useRunMeeting } from './useRunMeeting';

type Target = { phase: 'saet_scenen' | 'checkout' } | { phase: 'punkt'; itemId: string };

/** The steps of the meeting in order: sæt scenen, each item, check-out. */
function steps(meeting: MeetingDetail): Target[] {
  return [{ phase: 'saet_scenen' }, ...meeting.items.map((i) => ({ phase: 'punkt' as const, itemId: i.id })), { phase: 'checkout' }];
}

function stepIndex(meeting: MeetingDetail): number {
  const { phase, currentItemId } = meeting.run;
  if (phase === 'punkt') return 1 + meeting.items.findIndex((i) => i.id === currentItemId);
  return phase === 'checkout' || phase === 'afsluttet' ? meeting.items.length + 1 : 0;
}

/** Opening while the clock has barely run, deciding once a decision is being written, discussing in between. */
function stageOf(item: AgendaItem | null): ItemStage {
  if (item?.decision) return 'beslutning';
  return item && item.timerElapsed + (item.timerStartedAt ? 60 : 0) >= 60 ? 'droeftelse' : 'aabning';
}

/**
 * The facilitator's screen: the agenda as a timeline, the current step, prompts, decision and actions.
 * Everything below reads the screen's view of the meeting, where closed items are masked while the
 * screen may be on the projector.
 */
export function RunScreen({ meetingId }: { meetingId: string }) {
  const { meeting: stored, error } = useRunMeeting(meetingId);
  useLeadAnnouncement(stored?.forumId, meetingId);
  const { writeError, act, send } = useRun();
  const { view: meeting, projectorSafe, reason } = useScreenView(stored);
  const choose = useProjectorSafe((s) => s.choose);
  const navigate = useRoute((s) => s.navigate);
  const [shortcuts, setShortcuts] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const goingTo = useRef<number | null>(null);
  // Where L found nothing to read back; the message goes away when the meeting moves on.
  const [nothingToRead, setNothingToRead] = useState<string | null>(null);

  const current = meeting?.items.find((i) => i.id === meeting.run.currentItemId) ?? null;

  const keyActions = useMemo(() => {
    async function go(target: Target | undefined): Promise<boolean> {
      if (!meeting || !target) return false;
      const outcome = await act('run.goTo', { meetingId: meeting.id, phase: target.phase, itemId: target.phase === 'punkt' ? target.itemId : null });
      return outcome.ok;
    }
    // N pressed twice before the first move is saved still moves twice: count from where it is going.
    async function step(at: MeetingDetail, by: 1 | -1) {
      const all = steps(at);
      const from = goingTo.current ?? stepIndex(at);
      const target = Math.min(all.length - 1, Math.max(0, from + by));
      if (target === from) return;
      goingTo.current = target;
      // Kept until the screen shows the step (see below); a move that failed is forgotten at once.
      if (!(await go(all[target])) && goingTo.current === target) goingTo.current = null;
    }
    const readingBack = current !== null && meeting?.run.readbackItemId === current.id && current.decision !== null && current.decision.finalAt === null;
    const atCheckout = meeting?.run.phase === 'checkout' || meeting?.run.phase === 'afsluttet';
    return {
      go,
      next: () => meeting && void step(meeting, 1),
      previous: () => meeting && void step(meeting, -1),
      toggleTimer: () => current && send('run.timer', { itemId: current.id, action: current.timerStartedAt ? 'pause' : 'start' }),
      focusDecision: () => focusShortcut('beslutning'),
      focusAction: () => focusShortcut('handling'),
      // The panel reads back what is on screen, saving it first; without a panel there is nothing to read.
      readBack: () => {
        const button = document.querySelector<HTMLButtonElement>('[data-shortcut="laes-op"]');
        if (button) button.click();
        else if (meeting) setNothingToRead(`${meeting.run.phase}:${current?.id ?? ''}`);
      },
      // Only what the room has just heard can be approved: the key does nothing outside a read-back, and it
      // approves through the panel, which refuses a decision edited since it was read back.
      approve: () => {
        if (readingBack) document.querySelector<HTMLButtonElement>('[data-shortcut="godkend"]')?.click();
      },
      overrunChoice: (choice: 1 | 2 | 3) => focusShortcut(`overskridelse-${choice}`),
      endMeeting: () => atCheckout && setConfirmEnd(true),
      openPresenter: () => meeting && openPresenter(meeting.id),
      // Only ever on from the keyboard: one key must not be able to put closed items on the wall.
      hideConfidential: () => meeting && choose(meeting.id, true),
      showShortcuts: () => setShortcuts(true),
    };
  }, [meeting, current, act, send, choose]);
  useRunKeys(keyActions);
  useEffect(() => {
    if (meeting && goingTo.current === stepIndex(meeting)) goingTo.current = null;
  }, [meeting]);

  // Each step opens at its top with the focus on its heading: after N and P, a click in the timeline,
  // and when the screen opens on the step the meeting stands at.
  const step = meeting ? `${meeting.run.phase}:${meeting.run.currentItemId ?? ''}` : null;
  useEffect(() => {
    if (step !== null) focusStageHeading();
  }, [step]);
  // Back from «Afslut mødet?» to the check-out, the focus returns to the button that asked.
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (wasConfirming.current && !confirmEnd) focusShortcut('afslut');
    wasConfirming.current = confirmEnd;
  }, [confirmEnd]);

  const phaseLabel = !meeting
    ? ''
    : meeting.run.phase === 'punkt' && current
      ? t.phaseItem(current.position, meeting.items.length)
      : meeting.run.phase === 'checkout'
        ? t.phaseCheckout
        : meeting.run.phase === 'afsluttet'
          ? t.phaseEnded
          : t.phaseScene;
  // The window's title is on the projector too (title bar, task bar), so it comes from the masked view.
  const windowTitle = meeting ? t.documentTitle(meeting.run.phase === 'punkt' && current ? `${phaseLabel}: ${current.title}` : phaseLabel, meeting.title) : null;
  useEffect(() => {
    if (!windowTitle) return;
    const before = document.title;
    document.title = windowTitle;
    return () => {
      document.title = before;
    };
  }, [windowTitle]);

  // A meeting that cannot be run (its referat approved and locked, say) leaves a way back to its page.
  if (error) {
    return (
      <div className="page">
        <Notice kind="error">{error.message}</Notice>
        <button type="button" className="link" onClick={() => navigate({ section: 'moeder', meetingId })}>
          {t.back}
        </button>
      </div>
    );
  }
  if (!meeting || meeting.id !== meetingId) return null;

  async function end() {
    if (!meeting) return;
    const outcome = await act('run.end', { meetingId: meeting.id });
    if (!outcome.ok) return;
    navigate({ section: 'moeder', meetingId: meeting.id });
  }

  return (
    <div className="run-screen">
      <header className="run-top">
        <div>
          <p className="kicker">
            {meeting.forumName} · {meeting.school}
          </p>
          <h1>{meeting.title}</h1>
        </div>
        <p className="run-phase" aria-live="polite">
          {phaseLabel}
        </p>
        <div className="run-top-buttons">
          <button type="button" onClick={keyActions.previous} aria-keyshortcuts="ArrowLeft P">
            ← {t.previous}
          </button>
          <button type="button" className="primary" onClick={keyActions.next} aria-keyshortcuts="ArrowRight N">
            {t.next} →
          </button>
          <button type="button" onClick={keyActions.openPresenter} aria-keyshortcuts="O">
            {t.openPresenter} <kbd>O</kbd>
          </button>
          <label className="check compact">
            <input
              type="checkbox"
              checked={meeting.run.presenterConfidential}
              onChange={(e) => send('run.showConfidential', { meetingId: meeting.id, show: e.target.checked })}
            />
            {t.showConfidential}
          </label>
          <ProjectorSafeSwitch
            meetingId={meeting.id}
            on={projectorSafe}
            reason={reason}
            revealing={projectorSafe && meeting.items.some((i) => i.confidential && !i.masked)}
          />
          <button type="button" onClick={() => setShortcuts(true)} aria-keyshortcuts="?">
            {t.shortcuts} <kbd>?</kbd>
          </button>
          <button type="button" className="link" onClick={() => navigate({ section: 'moeder', meetingId: meeting.id })}>
            {t.back}
          </button>
        </div>
      </header>
      <Notice kind="error">{writeError?.message}</Notice>
      <Notice kind="error">{nothingToRead === `${meeting.run.phase}:${current?.id ?? ''}` ? t.nothingToReadBackHere : undefined}</Notice>
      <div className="run-body">
        <RunTimeline
          meeting={meeting}
          onGo={(target) => {
            goingTo.current = null;
            void keyActions.go(target);
          }}
        />
        <main className="run-centre" aria-label={t.screenLabel}>
          {meeting.run.phase === 'punkt' && current ? (
            <CurrentItem key={current.id} meeting={meeting} item={current} projectorSafe={projectorSafe} />
          ) : meeting.run.phase === 'checkout' || meeting.run.phase === 'afsluttet' ? (
            confirmEnd ? (
              <EndConfirm onEnd={() => void end()} onCancel={() => setConfirmEnd(false)} />
            ) : (
              <CheckoutStage meeting={meeting} onEnd={() => setConfirmEnd(true)} />
            )
          ) : (
            <SetTheScene meeting={meeting} onBegin={keyActions.next} />
          )}
        </main>
        <aside className="run-side" aria-label={t.prompts}>
          <PromptsPanel meeting={meeting} item={current} stage={stageOf(current)} />
          {meeting.run.phase === 'punkt' && current && current.masked && <p className="masked-side">{t.maskedSide}</p>}
          {meeting.run.phase === 'punkt' && current && !current.masked && (
            <>
              <DecisionPanel key={`beslutning-${current.id}`} meeting={meeting} item={current} />
              <ActionsPanel key={current.id} meeting={meeting} itemId={current.id} actions={current.actions} />
            </>
          )}
        </aside>
      </div>
      {shortcuts && <ShortcutsOverlay onClose={() => setShortcuts(false)} />}
    </div>
  );
}
