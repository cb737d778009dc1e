import type { Method, MethodResult, ParsedInput } from '../../shared/api/contract';
import type { ServiceContext } from './context';

/** A service function for one API method: validated input in, result out; throws ServiceError. */
export type Handler<M extends Method> = (input: ParsedInput<M>, ctx: ServiceContext) => MethodResult<M>;

export type Handlers<M extends Method> = { [K in M]: Handler<K> };
