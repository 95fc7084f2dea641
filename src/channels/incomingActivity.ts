// What an activity on /api/messages must look like before CloudAdapter and the bot see it: the fields
// they read, with the types they assume. botbuilder trusts them (a conversationUpdate whose
// membersAdded is a string, or an adaptiveCard/action invoke without an action, threw a TypeError
// mid-turn: a 200 "something went wrong" instead of a 400 saying what is wrong).
import { z } from 'zod';

const Id = z.string().min(1).max(256);
/**
 * Channel ids are short names ("msteams", "emulator", "webchat"). Without a "/" the state key
 * `intake/<channelId>/<conversation id>` cannot be made to spell another channel's key.
 */
const ChannelId = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be a channel name (letters, digits, ".", "_" or "-")');
const Account = z.object({ id: Id }).passthrough();
const Accounts = z.array(Account).max(100);
const Reactions = z.array(z.object({ type: z.string().max(64) }).passthrough()).max(100);

export const IncomingActivity = z
  .object({
    type: z.string().min(1).max(64),
    channelId: ChannelId,
    conversation: z.object({ id: Id }).passthrough(),
    from: Account.optional(),
    recipient: Account.optional(),
    serviceUrl: z.string().max(2048).optional(),
    deliveryMode: z.string().optional(),
    text: z.string().optional(),
    name: z.string().max(256).optional(),
    membersAdded: Accounts.optional(),
    membersRemoved: Accounts.optional(),
    reactionsAdded: Reactions.optional(),
    reactionsRemoved: Reactions.optional(),
    entities: z.array(z.record(z.string(), z.unknown())).max(50).optional(),
    attachments: z.array(z.object({ contentType: z.string().max(256) }).passthrough()).max(20).optional(),
  })
  .passthrough()
  .refine((a) => a.deliveryMode === 'expectReplies' || (a.serviceUrl ?? '') !== '', {
    message: 'serviceUrl is required unless deliveryMode is "expectReplies"',
    path: ['serviceUrl'],
  })
  .refine((a) => a.type !== 'invoke' || (typeof a.name === 'string' && a.name !== ''), { message: 'an invoke needs a name', path: ['name'] })
  .refine((a) => a.type !== 'invoke' || (typeof a['value'] === 'object' && a['value'] !== null && Object.keys(a['value']).length > 0), {
    message: 'an invoke needs a value (an object)',
    path: ['value'],
  })
  .refine((a) => a.type !== 'invoke' || a.name !== 'adaptiveCard/action' || isAction((a['value'] as { action?: unknown } | undefined)?.action), {
    message: 'an adaptiveCard/action invoke needs value.action with a type',
    path: ['value', 'action'],
  });

function isAction(action: unknown): boolean {
  return typeof action === 'object' && action !== null && typeof (action as { type?: unknown }).type === 'string';
}
