import type { Cluster, Redis } from 'ioredis';

/** One subscriber of a channel: raw messages, and word that some may have been lost. */
export interface ChannelListener {
  message(payload: Buffer): void;
  resync(): void;
}
type Listener = ChannelListener;

interface Channel {
  listeners: Set<Listener>;
  /** Resolves once Redis acknowledged SSUBSCRIBE: only then are later appends guaranteed to reach us. */
  ready: Promise<unknown>;
  /** The last SSUBSCRIBE failed: the next listener sends it again instead of inheriting the error. */
  failed: boolean;
}

/** Makes a fresh subscriber connection; a Cluster one needs `shardedSubscribers` on. */
export type OpenSubscriberConnection = () => Redis | Cluster;

/**
 * Fans one subscriber connection out to per-channel listener sets. One connection per
 * store instance: a connection per room would exhaust Redis' clients.
 *
 * Every channel is a shard channel (SSUBSCRIBE; the scripts SPUBLISH) named with its
 * room's hash tag, so on a Redis Cluster a notice travels only within the room's shard and
 * the subscription sits on the node that owns the room's slot (ioredis keeps one
 * subscriber connection per master). Plain pub/sub on a Cluster goes through one node that
 * ioredis may re-pick after a slot refresh, losing notices sent just after a SUBSCRIBE was
 * acknowledged. A standalone Redis (7+) takes the same commands, so there is one code path.
 *
 * Redis runs a connection's commands in order, so an SUNSUBSCRIBE followed by an
 * SSUBSCRIBE for the same channel (last listener leaves, a new one arrives) ends
 * subscribed; on a Cluster both go to the same shard's connection. ioredis re-subscribes
 * by itself after a reconnect; notices published while disconnected are lost, which is
 * why readers resync from the log by version.
 */
export class RedisSubscriber {
  private readonly channels = new Map<string, Channel>();
  private connection: Redis | Cluster;
  private closed = false;

  constructor(private readonly open: OpenSubscriberConnection) {
    this.connection = this.attach(open());
  }

  /**
   * After a reconnect, whatever was published meanwhile is lost: every listener is told to
   * read the log, so a node does not wait for the room's next event to catch up. A Cluster
   * re-subscribes per shard and says `subscribersReady` when its shard connections are back
   * (or were rebuilt after a topology change); the first time is the start, not a reconnect.
   */
  private attach(connection: Redis | Cluster): Redis | Cluster {
    const current = () => connection === this.connection && !this.closed;
    // Buffers, not strings: draft updates are binary.
    connection.on('smessageBuffer', (channel: Buffer, message: Buffer) => {
      if (current()) this.dispatch(channel.toString(), message);
    });
    let readyBefore = false;
    let subscribersReadyBefore = false;
    connection.on('ready', () => {
      if (readyBefore && current()) {
        if (connection.isCluster) void this.replaceConnection();
        else this.broadcastResync();
      }
      readyBefore = true;
    });
    connection.on('subscribersReady', () => {
      if (subscribersReadyBefore && current()) this.broadcastResync();
      subscribersReadyBefore = true;
    });
    return connection;
  }

  /**
   * A Cluster client that reconnected as a whole (every node was unreachable) is swapped for
   * a fresh one: ioredis 5.9.2 does not rebuild its shard subscribers then, so old
   * subscriptions stay silent and SSUBSCRIBE fails with "No sharded subscriber for slot".
   * Listeners resync once every channel is subscribed again on the new client.
   */
  private async replaceConnection(): Promise<void> {
    const old = this.connection;
    this.connection = this.attach(this.open());
    void closeConnection(old);
    const channels = [...this.channels.entries()];
    for (const [name, channel] of channels) this.subscribe(name, channel);
    await Promise.allSettled(channels.map(([, channel]) => channel.ready));
    if (!this.closed) this.broadcastResync();
  }

  private broadcastResync(): void {
    for (const channel of this.channels.values()) for (const listener of [...channel.listeners]) listener.resync();
  }

  /** Adds a listener; resolves when it is sure to receive every later publish. */
  async add(channelName: string, listener: Listener): Promise<() => Promise<void>> {
    let channel = this.channels.get(channelName);
    if (!channel) {
      channel = { listeners: new Set(), ready: Promise.resolve(), failed: true };
      this.channels.set(channelName, channel);
    }
    if (channel.failed) this.subscribe(channelName, channel);
    channel.listeners.add(listener);
    try {
      await channel.ready;
    } catch (error) {
      await this.remove(channelName, channel, listener, false);
      throw error;
    }
    return () => this.remove(channelName, channel, listener, true);
  }

  /** Sends SSUBSCRIBE on the current connection; `channel.ready` settles with its reply. */
  private subscribe(name: string, channel: Channel): void {
    const connection = this.connection;
    const ready = whenReady(connection).then(() => connection.ssubscribe(name));
    channel.ready = ready;
    channel.failed = false;
    ready.catch(() => {
      if (channel.ready === ready) channel.failed = true;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channels.clear();
    await closeConnection(this.connection);
  }

  private async remove(name: string, channel: Channel, listener: Listener, unsubscribe: boolean): Promise<void> {
    if (!channel.listeners.delete(listener) || channel.listeners.size > 0) return;
    // Only the current entry may be torn down; a newer one for the same name is someone else's.
    if (this.channels.get(name) !== channel) return;
    this.channels.delete(name);
    // Failing to unsubscribe only wastes a little traffic: we have stopped listening anyway.
    // Sent at once, not after `whenReady`: it never enters subscriber mode, and it stays ahead
    // of any later SSUBSCRIBE for the same name.
    if (unsubscribe) await this.connection.sunsubscribe(name).catch(() => undefined);
  }

  private dispatch(channelName: string, message: Buffer): void {
    const channel = this.channels.get(channelName);
    if (!channel) return;
    for (const listener of [...channel.listeners]) listener.message(message);
  }
}

/** One start-up wait per connection, shared by every command waiting on it (FIFO, one listener pair). */
const startups = new WeakMap<Redis | Cluster, Promise<void>>();

/**
 * Resolves when an SSUBSCRIBE may be handed to `connection`.
 *
 * A plain connection must not get one in status `connect`: TCP is up but ioredis is still
 * in its handshake (CLIENT SETINFO, then the INFO ready check), and it writes commands that
 * Redis allows while loading, SSUBSCRIBE among them, straight to the socket instead of
 * queueing them. Once Redis acknowledges one, the connection is in subscriber mode: ioredis
 * refuses its own INFO ("Connection in subscriber mode…"), drops the connection as failed and,
 * with `maxRetriesPerRequest: 0`, fails every queued command ("Reached the max retries…");
 * subscriptions acknowledged meanwhile are not restored, as the connection was never ready.
 * So wait for `ready`, or for `close`: then the command joins the offline queue and fails fast
 * or goes out when ready, like any other. In every other status ioredis already does the
 * right thing: it queues the command until ready, or sends it at once.
 *
 * A Redis Cluster client opens its shard subscribers (which skip the ready check) once it
 * has the slot map; before that an SSUBSCRIBE has no node to go to.
 */
function whenReady(connection: Redis | Cluster): Promise<void> {
  const cluster = connection.isCluster;
  if (cluster ? connection.status === 'ready' : connection.status !== 'connect') return Promise.resolve();
  let startup = startups.get(connection);
  if (!startup) {
    const settledBy = cluster ? ['ready', 'end'] : ['ready', 'close'];
    startup = new Promise<void>((resolve) => {
      const settle = () => {
        for (const name of settledBy) connection.off(name, settle);
        startups.delete(connection);
        resolve();
      };
      for (const name of settledBy) connection.on(name, settle);
    });
    startups.set(connection, startup);
  }
  return startup;
}

/** QUIT when connected (lets in-flight replies arrive); otherwise just drop the socket. */
export async function closeConnection(connection: Redis | Cluster): Promise<void> {
  if (connection.status === 'end') return;
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  await connection.quit().catch(() => connection.disconnect());
}
