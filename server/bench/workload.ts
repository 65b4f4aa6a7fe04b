/** Drives one room: a speaker raising and lowering a hand while `viewers` clients watch. */
import { io, type Socket } from 'socket.io-client';
import { EV, PROTOCOL_VERSION } from '@dr/shared';

export interface Figures {
  opsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

export function connect(url: string, auth: Record<string, unknown>): Promise<Socket> {
  const s = io(url, { auth: { protocol: PROTOCOL_VERSION, ...auth }, transports: ['websocket'], forceNew: true, reconnection: false });
  return new Promise((resolve, reject) => {
    s.once('connect', () => resolve(s));
    s.once('connect_error', reject);
  });
}

/** Resolves when every viewer has received `events` up to `version`. */
function allReached(viewers: Socket[], latest: Map<Socket, number>, version: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (viewers.every((v) => (latest.get(v) ?? -1) >= version)) {
        viewers.forEach((v) => v.off(EV.events, check));
        resolve();
      }
    };
    viewers.forEach((v) => v.on(EV.events, check));
    check();
  });
}

/**
 * Sends `ops` commands one after another; each op counts once its ack arrived AND every
 * viewer received its event, so fan-out is part of the figure.
 */
export async function run(driver: Socket, viewers: Socket[], ops: number): Promise<Figures> {
  const latest = new Map<Socket, number>();
  viewers.forEach((v) => v.on(EV.events, (m: { version: number }) => latest.set(v, m.version)));
  const lat: number[] = [];
  const start = performance.now();
  for (let i = 0; i < ops; i++) {
    const t0 = performance.now();
    const ack = (await driver.emitWithAck(EV.command, { id: `op-${i}-${Math.random()}`, type: i % 2 ? 'hand.lower' : 'hand.raise', kind: 'speak' })) as { ok: boolean; version: number };
    if (!ack.ok) throw new Error(`command refused: ${JSON.stringify(ack)}`);
    await allReached(viewers, latest, ack.version);
    lat.push(performance.now() - t0);
  }
  const secs = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  return { opsPerSec: ops / secs, p50Ms: lat[Math.floor(lat.length / 2)]!, p99Ms: lat[Math.floor(lat.length * 0.99)]! };
}
