// CloudAdapter's outbound clients are reused across turns instead of being rebuilt for every activity.
import type { Activity } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { CachingBotFrameworkAuthentication } from '../../src/channels/botAuthentication.js';

const activity = (serviceUrl: string) =>
  ({ type: 'message', channelId: 'test', serviceUrl, conversation: { id: 'c1' }, from: { id: 'u' }, recipient: { id: 'b' } }) as Activity;

describe('CachingBotFrameworkAuthentication (anonymous, as the Emulator and expectReplies clients use it)', () => {
  it('hands every turn for one service URL the same ConnectorClient, and another URL its own', async () => {
    const auth = new CachingBotFrameworkAuthentication({});
    const first = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    const second = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    const a = await first.connectorFactory!.create('http://127.0.0.1:1', first.audience);
    const b = await second.connectorFactory!.create('http://127.0.0.1:1', second.audience);
    expect(b).toBe(a);
    const other = await second.connectorFactory!.create('http://127.0.0.1:2', second.audience);
    expect(other).not.toBe(a);
    // Proactive sends (createConnectorFactory) share the same cache.
    expect(await auth.createConnectorFactory(first.claimsIdentity).create('http://127.0.0.1:1', first.audience)).toBe(a);
  });

  it('reuses the UserTokenClient of an app id', async () => {
    const auth = new CachingBotFrameworkAuthentication({});
    const { claimsIdentity } = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });

  it('keeps at most 64 connectors however many service URLs clients make up', async () => {
    const auth = new CachingBotFrameworkAuthentication({});
    const { connectorFactory, audience } = await auth.authenticateRequest(activity('http://127.0.0.1:1'), '');
    for (let i = 0; i < 200; i++) await connectorFactory!.create(`http://127.0.0.1:${1000 + i}`, audience);
    expect(auth.cachedClients).toBeLessThanOrEqual(64);
  });

  it('still refuses a request without a valid token when the bot has credentials', async () => {
    const auth = new CachingBotFrameworkAuthentication({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret' });
    await expect(auth.authenticateRequest(activity('https://smba.trafficmanager.net/amer/'), '')).rejects.toThrow();
  });
});
