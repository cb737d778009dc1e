import type { ErrorCode } from '../../shared/api/envelope';

/** A failure a user can understand; dispatch turns it into the error envelope as it is. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function notFound(what: string, field?: string): ServiceError {
  // «Mødet … det», «Sagen … den»: the pronoun follows the noun's gender, which its definite ending shows.
  const pronoun = /^\S+et\b/.test(what) ? 'det' : 'den';
  return new ServiceError('ikke_fundet', `${what} findes ikke i arkivet. Måske er ${pronoun} slettet.`, field);
}
