import type { Notifier } from '../../alerts/notifier.ts';
import { renderConsole, type ConsoleStyle } from './render.ts';

/**
 * Alerts in the terminal: each one is printed into the REPL output between rules, numbered so
 * that follow-ups can say which alert they continue. The terminal cannot dedupe, so the
 * notifier is not idempotent (see `SendQueue` for what that means after a crash).
 */
export function createConsoleNotifier(
  output: { write(text: string): unknown },
  style: () => ConsoleStyle = () => ({ width: 100, colour: false }),
): Notifier {
  let count = 0;
  return {
    platform: 'console',
    async send(message) {
      count++;
      const messageId = `alert-${count}`;
      const header = message.replyTo
        ? `-- ${messageId} (follows ${message.replyTo}) --`
        : `-- ${messageId} --`;
      output.write(`\n${header}\n${renderConsole(message.reply, style())}\n\n`);
      return { messageId };
    },
  };
}
