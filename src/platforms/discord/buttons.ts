/**
 * Button custom ids that survive a restart: the id carries the whole command line to run
 * (`p:/who kirby page:2`), so the bot keeps no state about the messages it sent. Discord caps a
 * custom id at 100 characters; a longer command line gets no button rather than a broken one.
 */

const PREFIX = 'p:';

/** Discord's limit on `custom_id`. */
export const MAX_CUSTOM_ID = 100;

/** The custom id for a button that runs `commandLine`, or null when it would not fit. */
export function encodeCustomId(commandLine: string): string | null {
  const compact = commandLine.trim().replace(/\s+/g, ' ');
  if (compact.length === 0) return null;
  const id = PREFIX + compact;
  return id.length <= MAX_CUSTOM_ID ? id : null;
}

/** The command line a button runs, or null for ids this bot did not make. */
export function decodeCustomId(customId: string): string | null {
  if (!customId.startsWith(PREFIX)) return null;
  const commandLine = customId.slice(PREFIX.length).trim();
  return commandLine.length > 0 ? commandLine : null;
}
