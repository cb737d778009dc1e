/**
 * Puts the facilitator at the top of the step that just opened: the window scrolled up and the focus
 * on the step's heading, so a screen reader says where the meeting is and Tab starts from there.
 */
export function focusStageHeading(): void {
  // Outside the run screen (the decision panel also sits in the agenda's item editor) nothing moves.
  const heading = document.querySelector<HTMLElement>('[data-stage-heading]');
  if (!heading) return;
  window.scrollTo(0, 0);
  heading.focus({ preventScroll: true });
}

/** Focuses a control marked with data-shortcut, opening the panel it sits in so the focus is visible. */
export function focusShortcut(name: string): boolean {
  const field = document.querySelector<HTMLElement>(`[data-shortcut="${name}"]`);
  if (!field) return false;
  field.closest('details')?.setAttribute('open', '');
  field.focus({ preventScroll: true });
  field.scrollIntoView({ block: 'center' });
  return true;
}
