import type { z } from 'zod';

/**
 * One API method: its input schema, whether it writes (writes run synchronously in one transaction
 * and announce a change), and its result type (carried as a type only).
 */
export interface MethodSpec<I extends z.ZodType, O, W extends boolean> {
  input: I;
  writes: W;
  /** Phantom: carries the result type; never set at run time. */
  result?: O;
}

export function read<O>() {
  return <I extends z.ZodType>(schema: I): MethodSpec<I, O, false> => ({ input: schema, writes: false });
}

export function write<O>() {
  return <I extends z.ZodType>(schema: I): MethodSpec<I, O, true> => ({ input: schema, writes: true });
}
