/**
 * HTTP API against the real server, on both stores.
 * Starts: the express + socket.io server on a free port; Redis runs use the test run's redis-server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_CODE_ALPHABET, roomCreatedEvent } from '@dr/shared';
import path from 'node:path';
import { hashSecret } from '../src/security/secrets.ts';
import { STORE_KINDS, body, makeStore, startTestServer, type TestServer } from './support/testServer.ts';

const CLIENT_FIXTURE = path.resolve(import.meta.dirname, 'fixtures/client-dist');

const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe.each(STORE_KINDS)('HTTP API on the %s store', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.close());

  it('GET /healthz reports ok and the store kind', async () => {
    const res = await fetch(`${t.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ ok: true, store: kind });
  });

  it('GET /livez answers while the process serves', async () => {
    const res = await fetch(`${t.url}/livez`);
    expect(res.status).toBe(200);
    expect(await body(res)).toEqual({ ok: true });
  });

  it('POST /api/rooms creates a room with a readable 6-character join code and fragment links', async () => {
    const res = await fetch(`${t.url}/api/rooms`, json({ title: 'Panel on AI' }));
    expect(res.status).toBe(201);
    const room = await body(res);
    expect(room.joinCode).toMatch(new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`));
    expect(room.joinCode).not.toMatch(/[01OI]/);
    expect(room.moderatorKey.length).toBeGreaterThanOrEqual(40);
    expect(room.moderatorKey).not.toBe(room.displayKey);
    expect(room.moderatorUrl).toBe(`${t.url}/r/${room.roomId}/moderator#key=${room.moderatorKey}`);
    expect(room.displayUrl).toContain(`#key=${room.displayKey}`);
    expect(room.joinUrl).toBe(`${t.url}/j/${room.joinCode}`);
  });

  it('links use PUBLIC_URL when it is set', async () => {
    const pub = await startTestServer(kind, { publicUrl: 'http://hall.test:8080' });
    try {
      const room = await pub.createRoom();
      expect(room.joinUrl).toBe(`http://hall.test:8080/j/${room.joinCode}`);
    } finally {
      await pub.close();
    }
  });

  it('POST /api/rooms with a bad body answers 400 with a typed error', async () => {
    for (const payload of [{}, { title: '' }, { title: 42 }, { title: 'x'.repeat(201) }, { title: 'ok', language: 'xx' }]) {
      const res = await fetch(`${t.url}/api/rooms`, json(payload));
      expect(res.status).toBe(400);
      expect((await body(res)).error.code).toBe('invalid');
    }
    const notJson = await fetch(`${t.url}/api/rooms`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await body(notJson)).error.code).toBe('invalid');
  });

  it('POST /api/join issues a participant and token; codes are forgiving about case and spaces', async () => {
    const room = await t.createRoom();
    const typed = `${room.joinCode.slice(0, 3).toLowerCase()} ${room.joinCode.slice(3)}`;
    const res = await fetch(`${t.url}/api/join`, json({ joinCode: typed, name: 'Anna' }));
    expect(res.status).toBe(201);
    const joined = await body(res);
    expect(joined.roomId).toBe(room.roomId);
    expect(joined.participantId).toMatch(/^p_/);
    expect(joined.token.length).toBeGreaterThanOrEqual(40);
  });

  it('POST /api/join: unknown code → 404, bad body → 400, both with {error:{code,message}}', async () => {
    const missing = await fetch(`${t.url}/api/join`, json({ joinCode: 'ZZZZZZ', name: 'Anna' }));
    expect(missing.status).toBe(404);
    const m = await body(missing);
    expect(m.error.code).toBe('not_found');
    expect(typeof m.error.message).toBe('string');
    const bad = await fetch(`${t.url}/api/join`, json({ joinCode: 'ABCDEF', name: '\u0007' }));
    expect(bad.status).toBe(400);
    expect((await body(bad)).error.code).toBe('invalid');
  });

  it('refuses API calls from a foreign Origin but allows its own and none', async () => {
    const foreign = await fetch(`${t.url}/api/rooms`, { ...json({ title: 'x' }), headers: { 'content-type': 'application/json', origin: 'http://evil.test' } });
    expect(foreign.status).toBe(403);
    const own = await fetch(`${t.url}/api/rooms`, { ...json({ title: 'x' }), headers: { 'content-type': 'application/json', origin: t.url } });
    expect(own.status).toBe(201);
  });

  it('an origin listed in ALLOWED_ORIGINS gets CORS headers and a preflight answer', async () => {
    const open = await startTestServer(kind, { allowedOrigins: ['https://kiosk.example'] });
    try {
      const pre = await fetch(`${open.url}/api/join`, { method: 'OPTIONS', headers: { origin: 'https://kiosk.example', 'access-control-request-method': 'POST' } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('https://kiosk.example');
      const res = await fetch(`${open.url}/api/rooms`, { ...json({ title: 'x' }), headers: { 'content-type': 'application/json', origin: 'https://kiosk.example' } });
      expect(res.status).toBe(201);
      expect(res.headers.get('access-control-allow-origin')).toBe('https://kiosk.example');
      const other = await fetch(`${open.url}/api/rooms`, { ...json({ title: 'x' }), headers: { 'content-type': 'application/json', origin: 'https://other.example' } });
      expect(other.status).toBe(403);
    } finally {
      await open.close();
    }
  });

  it('ROOM_CREATE_TOKEN makes room creation need the bearer token', async () => {
    const locked = await startTestServer(kind, { roomCreateToken: 'organiser-secret' });
    try {
      const without = await fetch(`${locked.url}/api/rooms`, json({ title: 'x' }));
      expect(without.status).toBe(401);
      expect((await body(without)).error.code).toBe('forbidden');
      const wrong = await fetch(`${locked.url}/api/rooms`, { ...json({ title: 'x' }), headers: { 'content-type': 'application/json', authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${locked.url}/api/rooms`, { ...json({ title: 'x' }), headers: { 'content-type': 'application/json', authorization: 'Bearer organiser-secret' } });
      expect(right.status).toBe(201);
    } finally {
      await locked.close();
    }
  });

  it('export needs the moderator key and contains the log without credentials', async () => {
    const room = await t.createRoom('Exported');
    await t.join(room.joinCode, 'Bram');
    const denied = await fetch(`${t.url}/api/rooms/${room.roomId}/export`, { headers: { authorization: `Bearer ${room.displayKey}` } });
    expect(denied.status).toBe(403);
    const res = await fetch(`${t.url}/api/rooms/${room.roomId}/export`, { headers: { authorization: `Bearer ${room.moderatorKey}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    const data = JSON.parse(text);
    expect(data.events.map((e: { type: string }) => e.type)).toEqual(['room.created', 'participant.joined']);
    expect(text).not.toContain('tokenHash');
  });

  it('DELETE removes the room at once: its code no longer joins', async () => {
    const room = await t.createRoom('Short-lived');
    const denied = await fetch(`${t.url}/api/rooms/${room.roomId}`, { method: 'DELETE', headers: { authorization: 'Bearer wrong-key-wrong-key' } });
    expect(denied.status).toBe(403);
    const res = await fetch(`${t.url}/api/rooms/${room.roomId}`, { method: 'DELETE', headers: { authorization: `Bearer ${room.moderatorKey}` } });
    expect(res.status).toBe(204);
    const join = await fetch(`${t.url}/api/join`, json({ joinCode: room.joinCode, name: 'Late' }));
    expect(join.status).toBe(404);
  });

  it('unknown API paths answer a typed 404', async () => {
    const res = await fetch(`${t.url}/api/nope`);
    expect(res.status).toBe(404);
    expect((await body(res)).error.code).toBe('not_found');
  });
});

describe('join rate limit', () => {
  it('lets a whole hall join from one address: 1,000 joins in a burst all succeed', async () => {
    const t = await startTestServer('memory');
    try {
      const room = await t.createRoom('Big hall');
      const statuses: number[] = [];
      for (let batch = 0; batch < 10; batch++) {
        const res = await Promise.all(Array.from({ length: 100 }, (_, i) => fetch(`${t.url}/api/join`, json({ joinCode: room.joinCode, name: `P${batch * 100 + i}` }))));
        statuses.push(...res.map((r) => r.status));
      }
      expect(statuses.filter((s) => s === 201)).toHaveLength(1000);
    } finally {
      await t.close();
    }
  });
});

describe('POST /api/join, answered before express', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('memory', { allowedOrigins: ['https://kiosk.example'], joinsPerMinutePerIp: 2 });
  });
  afterAll(() => t.close());
  const joinAs = (init: RequestInit) => fetch(`${t.url}/api/join`, { method: 'POST', ...init });

  it('refuses a body that is too large, not JSON or not valid JSON, and a foreign page, with typed errors', async () => {
    const room = await t.createRoom();
    const cases: Array<[RequestInit, number, string]> = [
      [{ headers: { 'content-type': 'application/json' }, body: JSON.stringify({ joinCode: room.joinCode, name: 'x'.repeat(17_000) }) }, 413, 'body too large'],
      [{ headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ joinCode: room.joinCode, name: 'Anna' }) }, 400, 'must be JSON'],
      [{ headers: { 'content-type': 'application/json' }, body: '{nope' }, 400, 'not valid JSON'],
      [{ headers: { 'content-type': 'application/json', origin: 'http://evil.test' }, body: JSON.stringify({ joinCode: room.joinCode, name: 'Anna' }) }, 403, 'origin'],
    ];
    for (const [init, status, message] of cases) {
      const res = await joinAs(init);
      expect(res.status).toBe(status);
      const { error } = await body(res);
      expect(error.code).toBe(status === 403 ? 'forbidden' : 'invalid');
      expect(error.message).toContain(message);
    }
    // Nothing was joined by the refused requests.
    const exported = await body(await fetch(`${t.url}/api/rooms/${room.roomId}/export`, { headers: { authorization: `Bearer ${room.moderatorKey}` } }));
    expect(exported.events.map((e: { type: string }) => e.type)).toEqual(['room.created']);
  });

  it('sends the security headers, and CORS headers to an allowed origin (its preflight goes through express)', async () => {
    const room = await t.createRoom();
    const res = await joinAs({ headers: { 'content-type': 'application/json', origin: 'https://kiosk.example', 'x-forwarded-for': '10.0.0.9' }, body: JSON.stringify({ joinCode: room.joinCode, name: 'Kiosk' }) });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://kiosk.example');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const pre = await fetch(`${t.url}/api/join`, { method: 'OPTIONS', headers: { origin: 'https://kiosk.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
  });

  it('a remembered code whose room was deleted joins the room that holds the code now', async () => {
    const store = makeStore('memory');
    const own = await startTestServer('memory', {}, store);
    try {
      const first = await own.createRoom('First');
      expect((await own.join(first.joinCode, 'Anna')).roomId).toBe(first.roomId);
      expect((await fetch(`${own.url}/api/rooms/${first.roomId}`, { method: 'DELETE', headers: { authorization: `Bearer ${first.moderatorKey}` } })).status).toBe(204);
      // A new room takes the freed code (drawn at random in real life; chosen here).
      const meta = { roomId: 'r_second', joinCode: first.joinCode, moderatorKeyHash: hashSecret('m'.repeat(43)), displayKeyHash: hashSecret('d'.repeat(43)), createdAt: Date.now(), facilitatorSecret: 's'.repeat(43) };
      expect(await store.createRoom(meta, [roomCreatedEvent({ roomId: 'r_second', joinCode: first.joinCode, title: 'Second', language: 'en', secondLanguage: null }, meta.createdAt)])).toBe('created');
      const again = await own.join(first.joinCode, 'Bram');
      expect(again.roomId).toBe('r_second');
      expect(again.roomTitle).toBe('Second');
    } finally {
      await own.close();
    }
  });

  it('limits joins per address, as seen through a trusted proxy', async () => {
    const room = await t.createRoom();
    const from = (ip: string, name: string) => joinAs({ headers: { 'content-type': 'application/json', 'x-forwarded-for': ip }, body: JSON.stringify({ joinCode: room.joinCode, name }) });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await from('10.0.0.1', `A${i}`)).status);
    expect(statuses).toEqual([201, 201, 429]);
    expect((await from('10.0.0.2', 'B')).status).toBe(201);
  });
});

describe('the client shell', () => {
  it('serves the app at / and at client-side routes, with no-referrer', async () => {
    const t = await startTestServer('memory', { clientDist: CLIENT_FIXTURE });
    try {
      for (const p of ['/', '/j/ABCDEF', '/r/r_x/moderator']) {
        const res = await fetch(`${t.url}${p}`);
        expect(res.status).toBe(200);
        expect(await res.text()).toContain('fixture shell');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      }
    } finally {
      await t.close();
    }
  });
});
