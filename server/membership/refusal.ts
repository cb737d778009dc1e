/** A request the server turns down: the HTTP status and a Danish message for the person at the laptop. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}
