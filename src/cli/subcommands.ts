import type { Subcommand } from './io.ts';

/**
 * Every `sitrep` subcommand with its help, in the order `sitrep --help` lists them. Each one's
 * code is imported when it runs, so `--help`, a usage error or `analyze` does not load the
 * platform SDKs first.
 */
export const subcommands: readonly Subcommand[] = [
  {
    name: 'start',
    synopsis: '[--db FILE]',
    summary: 'Run the bot: Discord and Telegram when their tokens are set, else the console.',
    details: `The console takes commands (/briefing kosovo, /help), and plain text: a topic gives its
briefing, a person's name their /who, a question an answer from the corpus. exit or Ctrl-D
leaves. An empty database is first filled with the sample corpus (SITREP_SAMPLE_DIR).

options:
  --db FILE   the SQLite database (default SITREP_DB, data/sitrep.db)

Settings come from the environment or .env in the working directory (see .env.example).
SIGTERM or Ctrl-C stops the bot cleanly; exit code 0.`,
    run: async (argv, context) => (await import('./start.ts')).start(argv, context),
  },
  {
    name: 'ingest',
    synopsis: '[--db FILE] [--verbose] <file|folder|feed file|http(s) URL>...',
    summary: 'Add articles to the corpus; prints each failure with its reason, then the totals.',
    details: `Files may be plain text, Markdown, JSON or NDJSON, HTML, or a saved RSS, Atom or JSON
feed; folders are read recursively (README, LICENSE and dot-files skipped); a URL is fetched
as a feed or an article page. A bad file never stops the ingest. On a terminal a progress
line (articles done of those expected, rate, time left) is shown on stderr while it runs.

options:
  --db FILE       the SQLite database (default SITREP_DB, data/sitrep.db)
  -v, --verbose   also print a line per article added or found duplicate

output: "failed  <origin>  <reason>" lines, then "N added, N duplicate, N failed".
exit codes: 0 every input read, 1 any input failed (the report is still printed), 2 usage.`,
    run: async (argv, context) => (await import('./ingest.ts')).ingest(argv, context),
  },
  {
    name: 'ask',
    synopsis: '[--corpus DIR]... [--db FILE] [--json] [--now ISO] "<command or question>"',
    summary: 'Answer one line as the console would: a command, a topic, a name or a question.',
    details: `ask only reads: commands that change settings (/subscribe, /unsubscribe, /alerts) are
refused, and a briefing marks what is new since the console's last briefing without recording
that it was shown. It opens the database as start does (creating it, or bringing its schema
forward); --corpus adds articles to the store it answers from.

options:
  --corpus DIR   ingest these files or folders first (repeatable); without --db the store
                 is in memory and nothing is written to disk
  --db FILE      the SQLite database (default SITREP_DB, data/sitrep.db)
  --json         print { reply, data }: the reply's blocks and the command's typed view
  --now ISO      answer as of this moment (articles published later are not seen)

exit codes: 0 answered, 1 refused (unknown topic, no coverage...; one line), 2 usage.`,
    run: async (argv, context) => (await import('./ask.ts')).ask(argv, context),
  },
  {
    name: 'analyze',
    synopsis: '[--plain | --jsonl] [FILE|FOLDER|-]...',
    summary: 'Print the analysis ingest would store, one JSON line per article.',
    details: `Each line is { id, origin, entities, quotes, people, events, summary }; offsets index into
the article's body. Input is read exactly as ingest reads it: a saved feed's items, a text
file's title, by-line, date and URL lines and trailing site boilerplate taken off the body,
Markdown front matter, JSON and NDJSON records, HTML through Readability. With no file, text
piped to standard input is read the same way; "-" names standard input too.

options:
  --plain   take each input's whole text as the body, verbatim: no title, header or
            boilerplate is taken off, and offsets index into the input as it is. For text
            that is only an article body; a saved page wants no option.
  --jsonl   each input holds {"id","text"} lines; each text is analysed verbatim and answered
            with one line carrying its id ({"origin","line","error"} for a bad line)

A piped sentence with no title line wants --plain: read as an article, its only line is the
title and the body is empty.

exit codes: 0 all analysed, 1 an input or line could not be read (reported on stderr, the
rest still printed), 2 usage (no input, a file that does not exist).`,
    run: async (argv, context) => (await import('./analyze.ts')).analyze(argv, context),
  },
  {
    name: 'register-commands',
    synopsis: '[--guild ID]',
    summary: 'Publish the command list: Discord slash commands, and the Telegram command menu.',
    details: `Run it once after installing and again after adding or changing a command; start-up never
does it (Discord allows 200 command creations a day per server). It needs DISCORD_TOKEN or
TELEGRAM_BOT_TOKEN, and does each platform whose token is set.

options:
  --guild ID   register the Discord commands in one server, where they appear at once
               (default DISCORD_GUILD_ID; without either, globally)

exit codes: 0 registered, 1 a platform refused, 2 usage or no token.`,
    run: async (argv, context) =>
      (await import('./register-commands.ts')).registerCommands(argv, context),
  },
  {
    name: 'backup',
    synopsis: '[--db FILE] BACKUP-FILE',
    summary: "Copy the database while the bot runs, with SQLite's online backup.",
    details: `The bot keeps answering and ingesting meanwhile. The copy is checked before it is renamed
to BACKUP-FILE, so an existing BACKUP-FILE is replaced only by a complete one.

options:
  --db FILE   the database to copy (default SITREP_DB, data/sitrep.db)

exit codes: 0 copied, 1 the backup failed (the reason on stderr), 2 usage.`,
    run: async (argv, { io, config }) =>
      (await import('../ops/backup-cli.ts')).runBackup(argv, config().SITREP_DB, io),
  },
];
