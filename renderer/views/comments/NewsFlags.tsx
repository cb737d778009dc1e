import '../../styles/comments.css';
import type { ItemNews } from '../../../shared/api/methods/comments';
import { newsText as t } from '../../text/comments';

/** «Nyt» / «Ændret» on an agenda row, in words (and a mark), never by colour alone. */
export function NewsFlags({ news }: { news: ItemNews | undefined }) {
  if (!news || (news.item === null && news.decision === null && news.newComments === 0)) return null;
  return (
    <span className="news-flags">
      {news.item !== null && <span className="flag flag-news">★ {t.itemNovelty(news.item)}</span>}
      {news.decision !== null && <span className="flag flag-news">★ {t.decisionNovelty(news.decision)}</span>}
      {news.newComments > 0 && <span className="flag flag-news">✎ {t.newComments(news.newComments)}</span>}
    </span>
  );
}
