// The web chat keeps its own copy of a conversation (migration 002): the patient's words are in it
// too, so erasing an intake must reach it. The store owns every table, so this lives here and the
// clinic's erasure calls it without knowing how Direct Line stores things.
import type { Queryable } from './database.js';

/** Conversations that came through the self-hosted Direct Line carry this channel id. */
export const WEB_CHAT_CHANNEL = 'directline';

/** Deletes a web chat conversation and (by cascade) its activities; other channels keep no copy. */
export async function deleteWebTranscript(tx: Queryable, channelId: string, conversationId: string): Promise<void> {
  if (channelId !== WEB_CHAT_CHANNEL) return;
  await tx.query('DELETE FROM directline_conversations WHERE id = $1', [conversationId]);
}
