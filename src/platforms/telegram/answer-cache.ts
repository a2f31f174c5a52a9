import NodeCache from 'node-cache';
import type { Reply } from '../../core/reply.ts';

/**
 * Recent answers by chat and command line, so that paging through a `/who` or `/briefing`
 * answer shows pages of the answer the user is looking at (not a fresh run that the corpus, or
 * an LLM, may have changed) and costs no second run. After the TTL a press re-runs the command.
 */
export class AnswerCache {
  private readonly answers = new NodeCache({
    stdTTL: 15 * 60,
    checkperiod: 120,
    maxKeys: 2_000,
    useClones: false,
  });

  get(chatId: string, commandLine: string): Reply | undefined {
    return this.answers.get<Reply>(`${chatId}\u0000${commandLine}`);
  }

  set(chatId: string, commandLine: string, reply: Reply): void {
    try {
      this.answers.set(`${chatId}\u0000${commandLine}`, reply);
    } catch {
      // Full: paging falls back to re-running the command, which is only slower.
    }
  }

  close(): void {
    this.answers.close();
  }
}
