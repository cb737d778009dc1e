import { QueryClient, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { Change } from '../../shared/api/changes';
import type { Method, MethodInput, MethodResult } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/envelope';
import { isAffected, readsOf, type ReadMethod } from '../../shared/api/reads';
import { placeAnswer } from './answers';
import { call, onAppEvent } from './client';

/**
 * The renderer's one data path: reads are queries keyed by contract method and input; a write puts
 * its answer into the cache; the services' change events refetch only the queries that read what a
 * write touched (shared/api/reads.ts). Stores keep UI state only.
 */

/** A read that failed, carrying the services' Danish message. */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure';
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Nothing changes the archive except writes, and every write says what it touched: data is
      // fresh until a change event marks it otherwise.
      staleTime: Infinity,
      // A failed read shows its Danish message at once; the user decides when to try again.
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
    },
  },
});

export type QueryKey<M extends ReadMethod> = readonly [M, MethodInput<M>];

export function queryKey<M extends ReadMethod>(method: M, input: MethodInput<M>): QueryKey<M> {
  return [method, input];
}

async function fetchAnswer<M extends ReadMethod>(method: M, input: MethodInput<M>): Promise<MethodResult<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}

export interface ApiQueryOptions {
  /** False while the input is not known yet (e.g. no forum chosen). */
  enabled?: boolean;
  /** Keep showing the last page while the next one loads, instead of an empty list. */
  keepPrevious?: boolean;
}

/** Reads one method's answer and keeps it current; a newer fetch always wins over an older one. */
export function useApiQuery<M extends ReadMethod>(method: M, input: MethodInput<M>, options: ApiQueryOptions = {}): UseQueryResult<MethodResult<M>, ApiFailure> {
  return useQuery<MethodResult<M>, ApiFailure, MethodResult<M>, QueryKey<M>>({
    queryKey: queryKey(method, input),
    queryFn: () => fetchAnswer(method, input),
    enabled: options.enabled ?? true,
    placeholderData: options.keepPrevious ? (previous) => previous : undefined,
  });
}

/** Starts a read before the page that shows it is drawn; the page's useApiQuery then shares its answer. */
export function prefetchApiQuery<M extends ReadMethod>(method: M, input: MethodInput<M>): void {
  void queryClient.prefetchQuery({ queryKey: queryKey(method, input), queryFn: () => fetchAnswer(method, input) });
}

/**
 * Runs one write. Its answer goes into the cache where it has the shape of a query's answer; the
 * result carries the Danish error for the caller to show: every caller must show it.
 */
export async function write<M extends Method>(method: M, input: MethodInput<M>): Promise<Result<MethodResult<M>>> {
  const result = await call(method, input);
  if (result.ok) placeAnswer(queryClient, method, result.value);
  return result;
}

/** Marks the queries that read what the changes touched; only the ones on screen refetch now. */
export function invalidateChanged(client: QueryClient, changes: readonly Change[]): Promise<void> {
  return client.invalidateQueries({
    predicate: (query) => {
      const [method, input] = query.queryKey as unknown as QueryKey<ReadMethod>;
      return isAffected(readsOf(method, input, query.state.data as MethodResult<ReadMethod> | undefined), changes);
    },
  });
}

const SHARING_READS: ReadonlySet<string> = new Set<ReadMethod>(['sync.status', 'sync.forum', 'sync.servers', 'sync.members', 'sync.presence']);

/** One subscription per window: the services' change events keep every query current. */
export function followArchiveChanges(client: QueryClient = queryClient): () => void {
  return onAppEvent((event) => {
    if (event.type === 'archive.changed') void invalidateChanged(client, event.changes);
    // What the services found about the archive itself is told apart from the writes.
    if (event.type === 'archive.notice') void client.invalidateQueries({ queryKey: queryKey('backup.notices', {}) });
    // A shared forum connected, went offline or lost its access, or a server was joined: only what shows sharing asks again.
    if (event.type === 'sync.changed') void client.invalidateQueries({ predicate: (query) => SHARING_READS.has(String(query.queryKey[0])) });
  });
}
