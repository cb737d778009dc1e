import { Icon } from '../../components/Icon';
import { meetingsText as t } from '../../text/meetings';

/**
 * Under the title of a meeting whose referat is approved: why nothing on the page can be changed, and what to
 * do instead. Said in words with a heading, so it is found by screen readers and in high contrast alike.
 */
export function LockedNotice() {
  return (
    <section className="locked-note" aria-labelledby="locked-note-title">
      <h2 id="locked-note-title">
        <Icon name="laas" /> {t.lockedTitle}
      </h2>
      <p>{t.lockedWhy}</p>
      <p>{t.lockedChange}</p>
      <p>{t.lockedStill}</p>
    </section>
  );
}
