import { FATAL_ERROR_CODES, type Command, type CommandAck } from '@dr/shared';
import { backoffDelayMs } from '../lib/backoff.ts';
import { commandIdFactory } from '../lib/commandId.ts';

/** A command as callers write it; the outbox adds the id. */
export type CommandInput = Command extends infer C ? (C extends Command ? Omit<C, 'id'> : never) : never;

/** What the outbox needs from the socket. `emit` must call back exactly once (ack or timeout). */
export interface CommandTransport {
  connected(): boolean;
  emit(command: Command, callback: (error: Error | null, ack?: CommandAck) => void): void;
}

/** Retries stop after this many attempts, or once a command has waited this long. */
export const MAX_ATTEMPTS = 6;
export const MAX_AGE_MS = 45_000;

interface Pending {
  command: Command;
  createdAt: number;
  attempts: number;
  /** Bumped on every send, so a late callback from an abandoned attempt is ignored. */
  attempt: number;
  inFlight: boolean;
  resolve: (ack: CommandAck) => void;
}

const notDelivered = (): CommandAck => ({ ok: false, error: { code: 'unavailable', message: 'not delivered', reason: 'not_delivered' } });

/**
 * Sends commands and resolves each with its ack. When the outcome is unknown (no
 * ack, `unavailable`, or the socket dropped) it resends with the SAME id, so the
 * server can tell a retry from a new command and never applies one twice.
 */
export class CommandOutbox {
  private readonly pending = new Map<string, Pending>();
  private readonly nextId = commandIdFactory();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly transport: CommandTransport,
    private readonly now: () => number = Date.now,
  ) {}

  send(input: CommandInput): Promise<CommandAck> {
    const command = { ...input, id: this.nextId() } as Command;
    return new Promise((resolve) => {
      const p: Pending = { command, createdAt: this.now(), attempts: 0, attempt: 0, inFlight: false, resolve };
      this.pending.set(command.id, p);
      if (this.transport.connected()) this.attempt(p);
    });
  }

  get size(): number {
    return this.pending.size;
  }

  /** After (re)connecting: send everything that is waiting. */
  flush(): void {
    for (const p of this.pending.values()) if (!p.inFlight) this.attempt(p);
  }

  /** The socket dropped: answers to what was in flight will not come; resend on flush. */
  disconnected(): void {
    for (const p of this.pending.values()) {
      p.inFlight = false;
      p.attempt++;
    }
  }

  /** The room is gone or refused us: nothing will be delivered any more. */
  failAll(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const p of [...this.pending.values()]) this.finish(p, notDelivered());
  }

  private attempt(p: Pending): void {
    if (p.attempts >= MAX_ATTEMPTS || this.now() - p.createdAt > MAX_AGE_MS) return this.finish(p, notDelivered());
    p.attempts++;
    const attempt = ++p.attempt;
    p.inFlight = true;
    this.transport.emit(p.command, (error, ack) => {
      if (p.attempt !== attempt || !this.pending.has(p.command.id)) return;
      p.inFlight = false;
      if (!error && ack && (ack.ok || FATAL_ERROR_CODES.has(ack.error.code))) return this.finish(p, ack);
      this.retryLater(p, ack);
    });
  }

  private retryLater(p: Pending, lastAck: CommandAck | undefined): void {
    if (p.attempts >= MAX_ATTEMPTS) return this.finish(p, lastAck ?? notDelivered());
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      // Still disconnected: `flush` will pick it up after the reconnect.
      if (this.pending.has(p.command.id) && !p.inFlight && this.transport.connected()) this.attempt(p);
    }, backoffDelayMs(p.attempts - 1));
    this.timers.add(timer);
  }

  private finish(p: Pending, ack: CommandAck): void {
    this.pending.delete(p.command.id);
    p.resolve(ack);
  }
}
