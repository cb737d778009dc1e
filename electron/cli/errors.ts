/** A failure the CLI reports as one Danish line on stderr; exitCode 1 for a failed command, 2 for wrong usage. */
export class CliError extends Error {
  override readonly name: string = 'CliError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    /** The service's input field the failure is about, when it came from a service. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The command line itself is wrong (unknown command or flag, a missing or malformed value): exit code 2. */
export class UsageError extends CliError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super(message, 2);
  }
}

/** The one line printed for any error: "Fejl: …", never a stack trace. */
export function errorLine(error: unknown): string {
  const message = error instanceof CliError ? error.message : `Der skete en uventet fejl: ${describe(error)}`;
  return `Fejl: ${message.replace(/\s*\n\s*/g, ' ').trim()}`;
}

export function exitCodeOf(error: unknown): number {
  return error instanceof CliError ? error.exitCode : 1;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A Danish reason for a failed file-system call, from its error code. */
export function fileProblem(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'den findes ikke';
    case 'ENOTDIR':
      return 'en del af stien er en fil, ikke en mappe';
    case 'EISDIR':
      return 'det er en mappe, ikke en fil';
    case 'EACCES':
    case 'EPERM':
      return 'du har ikke adgang';
    case 'EROFS':
      return 'drevet er skrivebeskyttet';
    case 'ENOSPC':
      return 'der er ikke mere plads på disken';
    case 'EEXIST':
      return 'den findes allerede';
    case 'ENAMETOOLONG':
      return 'stien er for lang';
    case 'EBUSY':
      return 'den er i brug af et andet program';
    default:
      return describe(error);
  }
}
