/**
 * Real network loss for tests: a TCP proxy between websocket clients (socket.io or
 * y-websocket) and a server. It passes the HTTP upgrade through, then reads the websocket
 * frames going each way, so a test can drop one frame or cut the connection — destroy
 * both sides — at the exact frame it chooses, or stall it (stop reading both ways, as a
 * peer that went silent). New connections go round-robin over the upstreams.
 */
import net from 'node:net';

/** One websocket frame as seen on the wire; the payload is unmasked. */
export interface Frame {
  opcode: number;
  payload: Buffer;
  /** Payload as text (opcode 1), for socket.io packets. */
  text(): string;
}

/**
 * What the proxy does with a frame: forward it; drop it silently; forward it, then cut
 * once it has been written; or cut at once without forwarding it.
 */
export type Verdict = 'pass' | 'drop' | 'pass-then-cut' | 'cut';

export interface ProxiedConnection {
  readonly id: number;
  /** Free for the test: what this connection carries. */
  tag: Record<string, unknown>;
  readonly cut: boolean;
  /** Destroys both sides: client and server each see their connection close. */
  cutNow(): void;
  /** Stops reading both ways without closing: a peer that went silent (half-open). */
  stall(): void;
}

export interface CutProxyHooks {
  fromClient?(conn: ProxiedConnection, frame: Frame): Verdict;
  fromServer?(conn: ProxiedConnection, frame: Frame): Verdict;
}

type Item = { raw: Buffer; frame: Frame | null };

/** Splits a byte stream into the HTTP head (passed as is) and websocket frames. */
class FrameSplitter {
  private buf = Buffer.alloc(0);
  private phase: 'head' | 'frames' | 'raw' = 'head';

  constructor(private readonly upgrades: (head: string) => boolean) {}

  push(chunk: Buffer): Item[] {
    this.buf = Buffer.concat([this.buf, chunk]);
    const out: Item[] = [];
    if (this.phase === 'head') {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return out;
      const head = this.buf.subarray(0, end + 4);
      this.phase = this.upgrades(head.toString('latin1')) ? 'frames' : 'raw';
      out.push({ raw: head, frame: null });
      this.buf = this.buf.subarray(end + 4);
    }
    if (this.phase === 'raw') {
      if (this.buf.length) out.push({ raw: this.buf, frame: null });
      this.buf = Buffer.alloc(0);
      return out;
    }
    for (let item = this.next(); item; item = this.next()) out.push(item);
    return out;
  }

  private next(): Item | null {
    const b = this.buf;
    if (b.length < 2) return null;
    const masked = (b[1]! & 0x80) !== 0;
    let len = b[1]! & 0x7f;
    let at = 2;
    if (len === 126) {
      if (b.length < 4) return null;
      len = b.readUInt16BE(2);
      at = 4;
    } else if (len === 127) {
      if (b.length < 10) return null;
      len = Number(b.readBigUInt64BE(2));
      at = 10;
    }
    const maskAt = at;
    if (masked) at += 4;
    if (b.length < at + len) return null;
    const payload = Buffer.from(b.subarray(at, at + len));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i]! ^= b[maskAt + (i % 4)]!;
    const raw = b.subarray(0, at + len);
    this.buf = b.subarray(at + len);
    return { raw, frame: { opcode: b[0]! & 0x0f, payload, text: () => payload.toString('utf8') } };
  }
}

export class CutProxy {
  hooks: CutProxyHooks = {};
  /** Connections accepted, and how many of them were cut. */
  accepted = 0;
  cuts = 0;
  private readonly live = new Set<ProxiedConnection>();
  private nextUpstream = 0;

  private constructor(
    private readonly server: net.Server,
    private readonly upstreams: { host: string; port: number }[],
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /** Listens on a free port in front of `upstreams` (`http://host:port` URLs). */
  static async start(upstreams: string[]): Promise<CutProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return new CutProxy(
      server,
      upstreams.map((u) => ({ host: new URL(u).hostname, port: Number(new URL(u).port) })),
    );
  }

  /** The connections open now. */
  get connections(): ProxiedConnection[] {
    return [...this.live];
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  async close(): Promise<void> {
    for (const c of this.live) c.cutNow();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    const target = this.upstreams[this.nextUpstream++ % this.upstreams.length]!;
    const server = net.connect(target.port, target.host);
    this.accepted++;
    let cut = false;
    // Set by a stall or a pending cut: nothing more is forwarded either way.
    const halt = { on: false };
    const conn: ProxiedConnection = {
      id: this.accepted,
      tag: {},
      get cut() {
        return cut;
      },
      cutNow: () => {
        if (cut) return;
        cut = true;
        this.cuts++;
        client.destroy();
        server.destroy();
      },
      stall: () => {
        halt.on = true;
        client.pause();
        server.pause();
      },
    };
    this.live.add(conn);
    const upgrades = (head: string) => /^upgrade:\s*websocket/im.test(head) || /^HTTP\/1\.1 101/.test(head);
    this.pipe(conn, client, server, new FrameSplitter(upgrades), (f) => this.hooks.fromClient?.(conn, f) ?? 'pass', halt);
    this.pipe(conn, server, client, new FrameSplitter(upgrades), (f) => this.hooks.fromServer?.(conn, f) ?? 'pass', halt);
    const closeBoth = () => {
      this.live.delete(conn);
      client.destroy();
      server.destroy();
    };
    client.on('close', closeBoth);
    server.on('close', closeBoth);
    client.on('error', () => undefined);
    server.on('error', () => undefined);
  }

  /** Forwards `from` → `to` frame by frame, asking `judge` about each frame. */
  private pipe(conn: ProxiedConnection, from: net.Socket, to: net.Socket, splitter: FrameSplitter, judge: (f: Frame) => Verdict, halt: { on: boolean }): void {
    from.on('data', (chunk: Buffer) => {
      for (const { raw, frame } of splitter.push(chunk)) {
        if (conn.cut || halt.on) return;
        const verdict = frame ? judge(frame) : 'pass';
        if (verdict === 'cut') return conn.cutNow();
        if (verdict === 'drop') continue;
        // Written before the cut: the frame reaches the peer's kernel, then the close follows.
        if (verdict === 'pass-then-cut') {
          halt.on = true;
          return void to.write(raw, () => conn.cutNow());
        }
        to.write(raw);
      }
    });
    from.on('end', () => to.end());
  }
}
