// Where the bot hands finished intakes and deletion requests. src/clinic implements it (records,
// outbox, webhook); the bot only knows this interface, so it stays free of clinic concerns.
import type { IntakeSummary } from '../../dialogs/summarySchema.js';

export interface IntakeSink {
  /** Called after the snapshot is saved, when an intake is confirmed or ends in an emergency. */
  intakeEnded(summary: IntakeSummary, outcome: 'done' | 'emergency'): Promise<void>;
  /** The patient asked for their data to be deleted. */
  dataDeleted(conversation: { channelId: string; conversationId: string }): Promise<void>;
}

export const noSink: IntakeSink = {
  async intakeEnded() {},
  async dataDeleted() {},
};
