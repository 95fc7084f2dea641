// A turn that fails (here: the database refuses one write) gets a kind message, logs no patient
// text, and the conversation carries on from the last good answer.
import { MemoryStorage, TestAdapter, type StoreItems } from 'botbuilder';
import pino from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CLINIC } from '../../dialogs/clinicProfile.js';
import { IntakeBot } from '../../src/bot/intakeBot.js';
import { TURN_ERROR_TEXT, turnErrorHandler } from '../../src/server/turnError.js';
import { markerOf } from '../support/harness.js';

class FlakyStorage extends MemoryStorage {
  failNextWrite = false;
  override async write(changes: StoreItems): Promise<void> {
    if (this.failNextWrite) {
      this.failNextWrite = false;
      throw new Error(`connection reset while writing ${JSON.stringify(changes)}`);
    }
    return super.write(changes);
  }
}

describe('onTurnError', () => {
  it('answers kindly, keeps patient text out of the log, and leaves the conversation resumable', async () => {
    let log = '';
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => ((log += chunk), done()) }));
    const storage = new FlakyStorage();
    const bot = new IntakeBot({ storage, clinic: EXAMPLE_CLINIC, logger });
    const adapter = new TestAdapter(async (context) => bot.run(context));
    adapter.onTurnError = turnErrorHandler(logger);
    const send = async (text: string) => {
      await adapter.receiveActivity({ type: 'message', text });
      return adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
    };
    await send('hi');
    await send('yes');
    storage.failNextWrite = true;
    const failed = await send('my secret sore shoulder');
    expect(failed.map((a) => a.text)).toEqual([TURN_ERROR_TEXT]);
    expect(log).toMatch(/turn failed/);
    expect(log).not.toMatch(/secret sore shoulder/);
    const retried = await send('my secret sore shoulder');
    expect(markerOf(retried.at(-1))).toMatchObject({ step: 'side', subject: 'shoulder' });
  });
});
