/**
 * A request the server turns down: the HTTP status, a Danish message for the person at the laptop and,
 * where the laptop acts on it, a reason word it can tell apart without reading the message.
 */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly reason?: 'ukendt' | 'brugt' | 'udloebet' | 'for-mange' | 'login-udloebet' | 'logget-ud' | 'login-afvist',
  ) {
    super(message);
  }
}
