/** The platform a request or an alert comes from or goes to. */
export type Platform = 'console' | 'discord' | 'telegram' | 'cli';

/**
 * One user request, stripped of any SDK type. Adapters build it; dispatch and commands read it.
 * `args` holds raw values (strings from text platforms, typed values from Discord); dispatch
 * validates them against the command's options.
 */
export interface Invocation {
  id: string;
  command: string;
  args: Record<string, string | number | undefined>;
  platform: Platform;
  invoker: {
    id: string;
    name: string;
    /** The platform's own judgement: Manage Channels on Discord, chat admin on Telegram. */
    isManager: boolean;
  };
  channel: {
    id: string;
    kind: 'dm' | 'group' | 'channel';
    /** Discord thread or Telegram forum topic the request came from, when there is one. */
    threadId?: string;
  };
  /**
   * The answer must change nothing (`sitrep ask`, which scripts call to read): commands that
   * write refuse, and a briefing does not record what it showed as seen.
   */
  readOnly?: boolean;
}
