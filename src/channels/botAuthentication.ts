// botbuilder's ConfigurationBotFrameworkAuthentication, with the outbound clients reused across turns.
//
// CloudAdapter builds a new ConnectorClient and a new UserTokenClient for every incoming activity,
// even for expectReplies turns that never call out. Each is an @azure/core-client ServiceClient
// whose constructor assembles a whole HTTP policy pipeline: measured with `node --cpu-prof`, that was
// about 18% of a plain echo bot's CPU per turn and 9% of ours. The older BotFrameworkAdapter cached
// its ConnectorClients per service URL; this does the same for both clients. They are stateless
// HTTP clients whose credentials fetch and cache their own tokens, so sharing them between
// concurrent turns is safe. The caches are bounded: in anonymous mode the service URL comes from the
// request, so a client could otherwise grow them without end (past the bound the oldest goes).
import { ConfigurationBotFrameworkAuthentication, type Activity, type ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';

// botframework-connector's types, reached through botbuilder (which does not re-export them).
type Base = ConfigurationBotFrameworkAuthentication;
type AuthenticateRequestResult = Awaited<ReturnType<Base['authenticateRequest']>>;
type ClaimsIdentity = Parameters<Base['createConnectorFactory']>[0];
type ConnectorFactory = ReturnType<Base['createConnectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type UserTokenClient = Awaited<ReturnType<Base['createUserTokenClient']>>;

/** AuthenticationConstants.AudienceClaim and .AppIdClaim. */
const AUDIENCE_CLAIM = 'aud';
const APP_ID_CLAIM = 'appid';

/** Enough for every channel service URL a bot talks to; more only happens when clients make them up. */
const MAX_CACHED = 64;

/** A Map that forgets its oldest entry past `max` (first in, first out: a hit costs one lookup). */
class Bounded<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }

  /** Forgets `key` if it still holds `value` (a failed client must not be remembered). */
  forget(key: string, value: V): void {
    if (this.map.get(key) === value) this.map.delete(key);
  }

  get size(): number {
    return this.map.size;
  }
}

/** The app id the inner factories use (the same rule as botframework-connector's getAppId). */
function appIdOf(identity: ClaimsIdentity): string {
  return identity.getClaimValue(AUDIENCE_CLAIM) ?? identity.getClaimValue(APP_ID_CLAIM) ?? '';
}

export class CachingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Bounded<Promise<ConnectorClient>>(MAX_CACHED);
  private readonly userTokenClients = new Bounded<Promise<UserTokenClient>>(MAX_CACHED);

  constructor(options: ConfigurationBotFrameworkAuthenticationOptions) {
    super(options);
  }

  /** How many clients are cached (for tests). */
  get cachedClients(): number {
    return this.connectors.size + this.userTokenClients.size;
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.cached(result.connectorFactory, appIdOf(result.claimsIdentity)) } : result;
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateStreamingRequest(authHeader, channelIdHeader);
    return result.connectorFactory ? { ...result, connectorFactory: this.cached(result.connectorFactory, appIdOf(result.claimsIdentity)) } : result;
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.cached(super.createConnectorFactory(claimsIdentity), appIdOf(claimsIdentity));
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    let client = this.userTokenClients.get(key);
    if (!client) {
      const created = super.createUserTokenClient(claimsIdentity);
      created.catch(() => this.userTokenClients.forget(key, created));
      this.userTokenClients.set(key, created);
      client = created;
    }
    return client;
  }

  private cached(inner: ConnectorFactory, appId: string): ConnectorFactory {
    const connectors = this.connectors;
    return {
      create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
        const key = `${appId}\n${audience ?? ''}\n${serviceUrl}`;
        let client = connectors.get(key);
        if (!client) {
          const created = inner.create(serviceUrl, audience);
          created.catch(() => connectors.forget(key, created));
          connectors.set(key, created);
          client = created;
        }
        return client;
      },
    };
  }
}
