import { parseArgs } from 'node:util';
import { backupDatabase } from '../corpus/store/backup.ts';

export const BACKUP_USAGE = `usage: sitrep backup [--db FILE] BACKUP-FILE
  Copies the database (SITREP_DB, or --db) to BACKUP-FILE with SQLite's online backup. Safe
  while the bot runs: it keeps answering and ingesting. An existing BACKUP-FILE is replaced
  only once the new copy is complete and checked.`;

interface BackupIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** `sitrep backup`. Returns the exit code: 0 done, 1 the backup failed, 2 usage. */
export async function runBackup(argv: string[], defaultDb: string, io: BackupIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { db: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    });
  } catch (error) {
    io.stderr.write(`sitrep backup: ${(error as Error).message}\n${BACKUP_USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(`${BACKUP_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    io.stderr.write(`sitrep backup: name one backup file\n${BACKUP_USAGE}\n`);
    return 2;
  }
  const source = values.db ?? defaultDb;
  try {
    const result = await backupDatabase(source, positionals[0]!);
    const megabytes = (result.bytes / 1_048_576).toFixed(1);
    io.stdout.write(
      `backed up ${source} to ${result.path}: ${result.articles} articles, ${megabytes} MB\n`,
    );
    return 0;
  } catch (error) {
    io.stderr.write(`sitrep backup: ${(error as Error).message}\n`);
    return 1;
  }
}
