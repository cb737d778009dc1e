import { lazy, type LazyExoticComponent, type ReactNode } from 'react';
import { common } from './text/common';

/** A page whose code is fetched and evaluated when it is first opened, not before the window can draw. */
export function lazyView<P extends object, K extends string>(load: () => Promise<Record<K, (props: P) => ReactNode>>, name: K): LazyExoticComponent<(props: P) => ReactNode> {
  return lazy(async () => ({ default: (await load())[name] }));
}

/** Shown for the moment a page's code takes to load (a local file: rarely long enough to see). */
export function PageLoading() {
  return <p role="status">{common.loading}</p>;
}
