/**
 * Expected failures a user can cause or fix. Commands throw `UserError`s; dispatch turns them
 * into a notice for the user. Tests assert on `id`, never on wording, so prose can change freely.
 */
export enum ErrorId {
  UnknownCommand = 'unknown-command',
  MissingOption = 'missing-option',
  BadOption = 'bad-option',
  OptionTooLong = 'option-too-long',
  OutOfRange = 'out-of-range',
  NotAllowed = 'not-allowed',
  NoCoverage = 'no-coverage',
  UnknownPerson = 'unknown-person',
  AmbiguousPerson = 'ambiguous-person',
  RateLimited = 'rate-limited',
  Unavailable = 'unavailable',
  UnknownTopic = 'unknown-topic',
  NotSubscribed = 'not-subscribed',
}

/** A failure that is safe to show to the user as it is. */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    readonly id: ErrorId,
    message: string,
    /** Extra structured facts (closest topics, candidates) that renderers may show. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}
