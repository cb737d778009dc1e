import type { ServerResponse } from 'node:http';
import type { Caller } from '../auth/callers';
import type { Body } from './json';

/** One call of the administration API, once its body is read and its bearer token resolved. */
export interface Call {
  params: string[];
  body: Body;
  caller: Caller | null;
  /** The remote address as the server sees it (the reverse proxy's, behind one). */
  address: string;
  response: ServerResponse;
}

export interface Route {
  method: string;
  path: RegExp;
  handle: (call: Call) => Promise<void>;
}
