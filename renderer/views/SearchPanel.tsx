import { useEffect, useId, useState, type FormEvent } from 'react';
import { SEARCH_KINDS, type SearchKind } from '../../shared/api/limits';
import type { SearchHit, SearchSegment } from '../../shared/api/methods/search';
import type { ColourKey } from '../../shared/domain/colours';
import { useApiPages } from '../api/pages';
import { ColourBadge } from '../components/ColourBadge';
import { Field } from '../components/Field';
import { ColourFilter, ForumFilter } from '../components/FilterSelects';
import { Icon } from '../components/Icon';
import { Notice } from '../components/Notice';
import { shortDate } from '../format';
import { useRoute } from '../stores/route';
import { useSearch, type SearchInput } from '../stores/search';
import { searchText as t } from '../text/search';
import '../styles/search.css';

/** Typing pauses this long before a search, so each keystroke does not start one. */
const DEBOUNCE_MS = 200;

interface Filters {
  forumId: string;
  colour: ColourKey | '';
  kind: SearchKind | '';
  from: string;
  to: string;
  includeConfidential: boolean;
}

function toInput(text: string, f: Filters): SearchInput {
  return {
    text,
    includeConfidential: f.includeConfidential,
    ...(f.forumId === '' ? {} : { forumId: f.forumId }),
    ...(f.colour === '' ? {} : { colour: f.colour }),
    ...(f.kind === '' ? {} : { kind: f.kind }),
    ...(f.from === '' ? {} : { from: f.from }),
    ...(f.to === '' ? {} : { to: f.to }),
  };
}

const NO_RESULTS = { rows: [], more: false, message: undefined };

function isKind(value: string): value is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(value);
}

/** The archive's search: a field, filters, a visible switch for confidential items, ranked results. */
export function SearchPanel() {
  const { query, search, clear } = useSearch();
  const results = useApiPages('search.query', query ?? { text: '' }, { enabled: query !== null });
  const { rows: hits, more, message } = query === null ? NO_RESULTS : results;
  // Coming back to the archive shows the last search again.
  const [text, setText] = useState(() => query?.text ?? '');
  const [filters, setFilters] = useState<Filters>(() => ({
    forumId: query?.forumId ?? '',
    colour: query?.colour ?? '',
    kind: query?.kind ?? '',
    from: query?.from ?? '',
    to: query?.to ?? '',
    includeConfidential: query?.includeConfidential ?? false,
  }));
  const confidentialId = useId();
  const change = (patch: Partial<Filters>) => setFilters((current) => ({ ...current, ...patch }));

  useEffect(() => {
    if (text.trim() === '') {
      clear();
      return;
    }
    const timer = setTimeout(() => search(toInput(text, filters)), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filters, search, clear]);

  function submit(event: FormEvent) {
    event.preventDefault();
    // Enter searches at once, also with nothing typed, so the user hears why nothing was found.
    search(toInput(text, filters));
  }

  return (
    <section className="search panel" aria-labelledby="search-title">
      <h2 id="search-title">{t.title}</h2>
      <p className="field-hint">{t.intro}</p>
      <form role="search" onSubmit={submit}>
        <Field label={t.field} hint={t.fieldHint}>
          {(props) => (
            <input {...props} type="search" className="search-field" value={text} autoComplete="off" spellCheck={false} onChange={(e) => setText(e.target.value)} />
          )}
        </Field>
        <fieldset className="search-filters">
          <legend>{t.filters}</legend>
          <ForumFilter value={filters.forumId} onChange={(forumId) => change({ forumId })} />
          <ColourFilter value={filters.colour} onChange={(colour) => change({ colour })} />
          <Field label={t.kind}>
            {(props) => (
              <select {...props} value={filters.kind} onChange={(e) => change({ kind: isKind(e.target.value) ? e.target.value : '' })}>
                <option value="">{t.allKinds}</option>
                {SEARCH_KINDS.map((kind) => (
                  <option key={kind} value={kind}>
                    {t.kinds[kind]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t.from}>
            {(props) => <input {...props} type="date" value={filters.from} onChange={(e) => change({ from: e.target.value })} />}
          </Field>
          <Field label={t.to}>
            {(props) => <input {...props} type="date" value={filters.to} onChange={(e) => change({ to: e.target.value })} />}
          </Field>
        </fieldset>
        <div className="check search-confidential">
          <input
            id={confidentialId}
            type="checkbox"
            checked={filters.includeConfidential}
            aria-describedby={`${confidentialId}-hint`}
            onChange={(e) => change({ includeConfidential: e.target.checked })}
          />
          <div>
            <label htmlFor={confidentialId}>
              <Icon name="laas" /> {t.confidential}
            </label>
            <span id={`${confidentialId}-hint`} className="field-hint">
              {t.confidentialHint}
            </span>
          </div>
        </div>
      </form>

      <Notice kind="error">{query === null ? undefined : results.error?.message}</Notice>
      <p className="search-status" role="status">
        {query === null ? '' : (results.loading || results.stale) && hits.length === 0 ? t.searching : (message ?? (hits.length === 0 ? t.noHits(query.text) : t.hitCount(hits.length, more)))}
      </p>
      {hits.length > 0 && (
        <ol className="search-results" aria-label={t.results}>
          {hits.map((hit) => (
            <SearchResultItem key={`${hit.kind}-${hit.id}`} hit={hit} />
          ))}
        </ol>
      )}
      {more && (
        <button type="button" onClick={results.loadMore} disabled={results.fetchingMore}>
          {t.showMore}
        </button>
      )}
    </section>
  );
}

function SearchResultItem({ hit }: { hit: SearchHit }) {
  const navigate = useRoute((s) => s.navigate);
  const { meetingId } = hit;
  const place = [t.kindOne[hit.kind], hit.forumName, hit.kind === 'meeting' ? null : hit.meetingTitle, hit.startsAt ? shortDate(hit.startsAt) : t.noDate];
  return (
    <li className="search-hit">
      <p className="search-hit-meta">
        {place.filter((part) => part !== null).join(' · ')}
        {hit.confidential && (
          <span className="search-lock">
            <Icon name="laas" /> {t.confidentialHit}
          </span>
        )}
        {hit.colour && <ColourBadge colour={hit.colour} />}
      </p>
      <h3 className="search-hit-title">
        {meetingId === null ? (
          <Marked segments={hit.titleSegments} />
        ) : (
          // A decision opens on its own page; everything else opens its meeting.
          <button
            type="button"
            className="link"
            onClick={() => navigate(hit.kind === 'decision' ? { section: 'arkiv', decision: { meetingId, decisionId: hit.id } } : { section: 'moeder', meetingId })}
          >
            <Marked segments={hit.titleSegments} />
          </button>
        )}
      </h3>
      {hit.snippet.length > 0 && (
        <p className="search-snippet">
          <Marked segments={hit.snippet} />
        </p>
      )}
    </li>
  );
}

/** Text with the hits in <mark>; built from segments as React text, never as HTML. */
function Marked({ segments }: { segments: SearchSegment[] }) {
  return (
    <>
      {segments.map((segment, index) => (segment.hit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>))}
    </>
  );
}
