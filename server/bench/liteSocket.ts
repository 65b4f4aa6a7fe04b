/**
 * A socket.io client that speaks the wire protocol directly (engine.io 4 text frames
 * over one websocket, default namespace, JSON acks): one load-generator core can then
 * play a thousand phones, so the figures measure the server, not the client library.
 * It handles exactly what the service and the bare baselines send; its own test checks
 * it against a real server.
 */
import WebSocket from 'ws';

type Handler = (data: any) => void;

export class LiteSocket {
  private readonly handlers = new Map<string, Handler[]>();
  private readonly acks = new Map<number, (answer: any) => void>();
  private nextAck = 0;
  /** Set when the server or the network closed the socket (not by `close()`). */
  dropped = false;
  private closing = false;

  private resolveSnapshot: (() => void) | null = null;

  private constructor(private readonly ws: WebSocket) {}

  private rawSnapshot: string | null = null;
  private parsedSnapshot: unknown = null;

  /** The last snapshot received (parsed on first read: most sockets never look). */
  get snapshot(): any {
    if (this.parsedSnapshot === null && this.rawSnapshot !== null) this.parsedSnapshot = (JSON.parse(this.rawSnapshot) as [string, unknown])[1];
    return this.parsedSnapshot;
  }

  /**
   * Connects and completes the socket.io handshake with `auth`; rejects on `connect_error`.
   * Handlers in `on` are attached before the first frame, so nothing sent on connect is
   * missed; with `snapshot`, resolves only once the first snapshot arrived.
   */
  static connect(httpUrl: string, auth: Record<string, unknown>, opts: { on?: Record<string, (s: LiteSocket, d: any) => void>; snapshot?: boolean; timeoutMs?: number } = {}): Promise<LiteSocket> {
    const ws = new WebSocket(httpUrl.replace(/^http/, 'ws') + '/socket.io/?EIO=4&transport=websocket', { perMessageDeflate: false });
    const socket = new LiteSocket(ws);
    for (const [event, handler] of Object.entries(opts.on ?? {})) socket.on(event, (d) => handler(socket, d));
    const timeoutMs = opts.timeoutMs ?? 20_000;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error('socket.io handshake timed out'));
      }, timeoutMs);
      if (opts.snapshot)
        socket.resolveSnapshot = () => {
          clearTimeout(timer);
          resolve(socket);
        };
      ws.on('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      ws.on('close', () => {
        if (!socket.closing) socket.dropped = true;
        clearTimeout(timer);
        reject(new Error('closed during handshake'));
      });
      ws.on('message', (raw: Buffer, isBinary: boolean) => {
        if (isBinary) return;
        const s = raw.toString();
        switch (s[0]) {
          case '0':
            ws.send('40' + JSON.stringify(auth));
            return;
          case '2':
            ws.send('3');
            return;
          case '4':
            if (s[1] === '0') {
              if (!opts.snapshot) {
                clearTimeout(timer);
                resolve(socket);
              }
            } else if (s[1] === '4') {
              clearTimeout(timer);
              reject(new Error(`connect_error ${s.slice(2)}`));
            } else socket.packet(s);
        }
      });
    });
  }

  /** socket.io packet `4<type>[ackId][json]`: events and acks. */
  private packet(s: string): void {
    const type = s[1];
    let i = 2;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    const id = i > 2 ? Number(s.slice(2, i)) : null;
    if (type === '2') {
      // The event name first, cheaply: payloads nobody listens to are never parsed.
      const end = s.indexOf('"', i + 2);
      const event = s.slice(i + 2, end);
      const hs = this.handlers.get(event);
      if (hs?.length) {
        const data = (JSON.parse(s.slice(i)) as [string, unknown])[1];
        for (const h of [...hs]) h(data);
      }
      if (event === 'snapshot') {
        this.rawSnapshot = s.slice(i);
        this.parsedSnapshot = null;
        this.resolveSnapshot?.();
        this.resolveSnapshot = null;
      }
    } else if (type === '3' && id !== null) {
      const done = this.acks.get(id);
      this.acks.delete(id);
      done?.((JSON.parse(s.slice(i)) as unknown[])[0]);
    } else if (type === '1') this.dropped = true;
  }

  on(event: string, handler: Handler): void {
    const hs = this.handlers.get(event) ?? [];
    hs.push(handler);
    this.handlers.set(event, hs);
  }

  emit(event: string, data: unknown, onAck?: (answer: any) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    if (onAck) {
      const id = this.nextAck++;
      this.acks.set(id, onAck);
      this.ws.send(`42${id}${JSON.stringify([event, data])}`);
    } else this.ws.send(`42${JSON.stringify([event, data])}`);
  }

  emitWithAck(event: string, data: unknown): Promise<any> {
    return new Promise((resolve) => this.emit(event, data, resolve));
  }

  close(): void {
    this.closing = true;
    this.ws.terminate();
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }
}
