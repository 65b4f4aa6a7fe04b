import type { Server } from 'socket.io';
import { EV, wireError } from '@dr/shared';

type Ack = (...answer: unknown[]) => void;

/**
 * Graceful shutdown of socket.io commands. Counts commands from arrival to ack; once
 * `stop` is called, new ones are answered `unavailable` (retryable: the client re-sends
 * the same id after it reconnected to another node) and `idle` resolves when every command
 * already running has been acked, so its ack is written before the socket is closed.
 */
export class CommandDrain {
  private inFlight = 0;
  private stopped = false;
  private waiters: (() => void)[] = [];

  constructor(io: Server) {
    io.on('connection', (socket) => {
      socket.use((packet, next) => {
        const last = packet.length - 1;
        const ack = packet[last] as unknown;
        if (packet[0] !== EV.command || last < 1 || typeof ack !== 'function') return next();
        if (this.stopped) return (ack as Ack)({ ok: false, error: wireError('unavailable', 'node shutting down; retry with the same id') });
        this.inFlight++;
        let done = false;
        const finish = () => {
          if (done) return;
          done = true;
          if (--this.inFlight === 0) this.waiters.splice(0).forEach((w) => w());
        };
        packet[last] = (...answer: unknown[]) => {
          (ack as Ack)(...answer);
          finish();
        };
        next();
        // socket.io dispatches on the next tick and drops the packet if the socket closed
        // meanwhile: then no ack will ever come, and nothing is running.
        process.nextTick(() => !socket.connected && finish());
      });
    });
  }

  get running(): number {
    return this.inFlight;
  }

  /** Refuses new commands from now on. */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves once no command is running, or after `timeoutMs`; true when idle. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.inFlight === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
