import type { Contract, Method, MethodResult, ParsedInput } from '../../shared/api/contract';
import type { ServiceContext } from './context';

/**
 * A service function for one API method: validated input in, result out; throws ServiceError.
 * A write runs inside a synchronous transaction, so it may not return a promise (a transaction is
 * never held across an await); a read may, e.g. to build a Word document.
 */
export type Handler<M extends Method> = (
  input: ParsedInput<M>,
  ctx: ServiceContext,
) => Contract[M]['writes'] extends true ? MethodResult<M> : MethodResult<M> | Promise<MethodResult<M>>;

export type Handlers<M extends Method> = { [K in M]: Handler<K> };
