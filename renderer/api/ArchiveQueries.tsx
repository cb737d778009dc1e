import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { followArchiveChanges, queryClient } from './queries';

/** Gives the window its query cache and keeps it current with the services' change events. */
export function ArchiveQueries({ children }: { children: ReactNode }) {
  useEffect(() => followArchiveChanges(queryClient), []);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
