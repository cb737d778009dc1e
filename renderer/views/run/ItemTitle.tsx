import { Icon } from '../../components/Icon';
import { runText as t } from '../../text/run';
import type { ScreenItem } from './screenView';

/** An item's title on the run screen; a closed item carries the lock and words, never colour alone. */
export function ItemTitle({ item }: { item: ScreenItem }) {
  if (!item.confidential) return <>{item.title}</>;
  return (
    <>
      <Icon name="laas" /> {item.title}
      {!item.masked && ` ${t.confidentialMark}`}
    </>
  );
}
