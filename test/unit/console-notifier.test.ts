import { describe, expect, it } from 'vitest';
import { createConsoleNotifier } from '../../src/platforms/console/notifier.ts';

describe('console notifier', () => {
  it('prints alerts into the output and marks follow-ups with the alert they continue', async () => {
    let printed = '';
    const notifier = createConsoleNotifier({ write: (text: string) => (printed += text) });
    const to = { platform: 'console' as const, channelId: 'console' };
    const first = await notifier.send({
      deliveryId: 'd1',
      to,
      reply: { blocks: [{ type: 'heading', text: 'Alert: clash in Banjska' }] },
    });
    await notifier.send({
      deliveryId: 'd2',
      to,
      replyTo: first.messageId,
      reply: { blocks: [{ type: 'heading', text: 'Update: 3 killed' }] },
    });
    expect(printed).toContain('Alert: clash in Banjska');
    expect(printed).toContain(`(follows ${first.messageId})`);
    expect(printed.indexOf('Alert: clash')).toBeLessThan(printed.indexOf('Update: 3 killed'));
  });
});
