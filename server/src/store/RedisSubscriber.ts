import type { Redis } from 'ioredis';

/** One subscriber of a channel: raw messages, and word that some may have been lost. */
export interface ChannelListener {
  message(payload: Buffer): void;
  resync(): void;
}
type Listener = ChannelListener;

interface Channel {
  listeners: Set<Listener>;
  /** Resolves once Redis acknowledged SUBSCRIBE: only then are later appends guaranteed to reach us. */
  ready: Promise<unknown>;
}

/**
 * Fans one subscriber-mode connection out to per-channel listener sets. One
 * connection per store instance: a connection per room would exhaust Redis' clients.
 *
 * Redis runs a connection's commands in order, so an UNSUBSCRIBE followed by a
 * SUBSCRIBE for the same channel (last listener leaves, a new one arrives) ends
 * subscribed. ioredis re-subscribes by itself after a reconnect; notices published
 * while disconnected are lost, which is why readers resync from the log by version.
 */
export class RedisSubscriber {
  private readonly channels = new Map<string, Channel>();

  constructor(private readonly connection: Redis) {
    // Buffers, not strings: draft updates are binary.
    connection.on('messageBuffer', (channel: Buffer, message: Buffer) => this.dispatch(channel.toString(), message));
    // After a reconnect, whatever was published meanwhile is lost: tell every listener to
    // read the log, so a node does not wait for the room's next event to catch up.
    let connectedBefore = false;
    connection.on('ready', () => {
      if (connectedBefore) this.broadcastResync();
      connectedBefore = true;
    });
  }

  private broadcastResync(): void {
    for (const channel of this.channels.values()) for (const listener of [...channel.listeners]) listener.resync();
  }

  /** Adds a listener; resolves when it is sure to receive every later publish. */
  async add(channelName: string, listener: Listener): Promise<() => Promise<void>> {
    let channel = this.channels.get(channelName);
    if (!channel) {
      channel = { listeners: new Set(), ready: this.whenReady().then(() => this.connection.subscribe(channelName)) };
      this.channels.set(channelName, channel);
    }
    channel.listeners.add(listener);
    try {
      await channel.ready;
    } catch (error) {
      await this.remove(channelName, channel, listener, false);
      throw error;
    }
    return () => this.remove(channelName, channel, listener, true);
  }

  /**
   * A Redis Cluster client picks its subscriber node once it has the slot map; a SUBSCRIBE
   * sent before that may land on a node it then leaves. A plain connection is ready at once
   * or queues the command itself.
   */
  private whenReady(): Promise<void> {
    if (this.connection.status === 'ready' || !this.connection.isCluster) return Promise.resolve();
    return new Promise((resolve) => this.connection.once('ready', () => resolve()));
  }

  async close(): Promise<void> {
    this.channels.clear();
    await closeConnection(this.connection);
  }

  private async remove(name: string, channel: Channel, listener: Listener, unsubscribe: boolean): Promise<void> {
    if (!channel.listeners.delete(listener) || channel.listeners.size > 0) return;
    // Only the current entry may be torn down; a newer one for the same name is someone else's.
    if (this.channels.get(name) !== channel) return;
    this.channels.delete(name);
    // Failing to unsubscribe only wastes a little traffic: we have stopped listening anyway.
    if (unsubscribe) await this.connection.unsubscribe(name).catch(() => undefined);
  }

  private dispatch(channelName: string, message: Buffer): void {
    const channel = this.channels.get(channelName);
    if (!channel) return;
    for (const listener of [...channel.listeners]) listener.message(message);
  }
}

/** QUIT when connected (lets in-flight replies arrive); otherwise just drop the socket. */
export async function closeConnection(connection: Redis): Promise<void> {
  if (connection.status === 'end') return;
  if (connection.status !== 'ready') {
    connection.disconnect();
    return;
  }
  await connection.quit().catch(() => connection.disconnect());
}
