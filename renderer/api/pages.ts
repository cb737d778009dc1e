import { keepPreviousData, useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { MethodInput, MethodResult } from '../../shared/api/contract';
import { call } from './client';
import { ApiFailure } from './queries';

/** The reads that answer a page at a time, with `more` when a next page follows. */
export type PagedMethod = 'actions.list' | 'decisions.list' | 'search.query';

/** A paged read's input without its start: the pages say where each one starts. */
export type PagedInput<M extends PagedMethod> = Omit<MethodInput<M>, 'offset'>;

type Row<M extends PagedMethod> = MethodResult<M> extends { rows: (infer R)[] } ? R : MethodResult<M> extends { hits: (infer H)[] } ? H : never;

/** The rows of one page, whatever the method calls them. */
function rowsOf<M extends PagedMethod>(page: MethodResult<M>): Row<M>[] {
  return ('rows' in page ? page.rows : page.hits) as Row<M>[];
}

export interface ApiPages<M extends PagedMethod> {
  /** Every row of the pages read so far, in order. */
  rows: Row<M>[];
  /** The first page's sentence for the user (e.g. nothing to search for), if any. */
  message: string | undefined;
  more: boolean;
  /** Until the first page of this input has arrived (the last input's rows are shown meanwhile). */
  loading: boolean;
  /** The rows shown belong to an earlier input while this one loads. */
  stale: boolean;
  fetchingMore: boolean;
  error: ApiFailure | null;
  /** Reads the next page; does nothing while one is on its way or when there is none. */
  loadMore: () => void;
}

/**
 * A long list read a page at a time, keyed by method and input like every other query. When a write
 * touches what the list reads, its change event refetches the pages already read, so the user keeps
 * their place and sees the archive as it is now.
 */
export function useApiPages<M extends PagedMethod>(method: M, input: PagedInput<M>, options: { enabled?: boolean } = {}): ApiPages<M> {
  const query = useInfiniteQuery<MethodResult<M>, ApiFailure, InfiniteData<MethodResult<M>, number>, readonly [M, PagedInput<M>, 'sider'], number>({
    // The third part keeps a list's pages apart from a single read of the same method and input.
    queryKey: [method, input, 'sider'],
    queryFn: async ({ pageParam }) => {
      const result = await call(method, { ...input, offset: pageParam } as MethodInput<M>);
      if (!result.ok) throw new ApiFailure(result.error);
      return result.value;
    },
    initialPageParam: 0,
    getNextPageParam: (last, all) => (last.more ? all.reduce((read, page) => read + rowsOf<M>(page).length, 0) : undefined),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages ?? [];
  const first = pages[0];
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  return {
    rows: pages.flatMap((page) => rowsOf<M>(page)),
    message: first && 'message' in first ? first.message : undefined,
    more: hasNextPage,
    loading: query.isPending,
    stale: query.isPlaceholderData,
    fetchingMore: isFetchingNextPage,
    error: query.error,
    loadMore: () => {
      if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
    },
  };
}
