/**
 * There is no Docker daemon where the tests run, so the cluster tests start the same
 * topology by hand (`support/cluster.ts`). This checks that `docker-compose.yml` still
 * describes that topology: the same balancer config file, the same nodes and ports, Redis
 * with AOF `appendfsync always`. Reads files only; starts nothing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAPROXY_CONFIG, NODE_COUNT } from './support/cluster.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const compose = readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8');
const haproxy = readFileSync(HAPROXY_CONFIG, 'utf8');

/** The lines of one top-level service block (two-space indented under `services:`). */
function service(name: string): string {
  const match = new RegExp(`^  ${name}:(.*(?:\\n(?:    .*|\\s*))*)`, 'm').exec(compose);
  if (!match) throw new Error(`docker-compose.yml has no service ${name}`);
  return match[0];
}

describe('docker-compose.yml matches the tested topology', () => {
  it('mounts the very haproxy config the tests run, publishing its bind port', () => {
    const lb = service('lb');
    expect(lb).toContain(`./${path.relative(ROOT, HAPROXY_CONFIG)}:/usr/local/etc/haproxy/haproxy.cfg:ro`);
    expect(lb).toMatch(/LB_BIND: ":3000"/);
    expect(lb).toMatch(/- "3000:3000"/);
    expect(lb).toMatch(/image: haproxy:2\.6/);
  });

  it('runs as many app nodes as the config balances, each on the port the balancer targets', () => {
    const servers = [...haproxy.matchAll(/^\s*server (\S+) "\$\{(NODE\d)\}"/gm)].map((m) => m[2]);
    expect(servers).toHaveLength(NODE_COUNT);
    const lb = service('lb');
    for (let i = 1; i <= NODE_COUNT; i++) {
      expect(servers).toContain(`NODE${i}`);
      expect(lb).toContain(`NODE${i}: "app${i}:3000"`);
      expect(service(`app${i}`)).toMatch(/\*app/);
    }
    expect(compose).toMatch(/PORT: "3000"/);
    // The nodes reach Redis by its service name, inside the compose network.
    expect(compose).toMatch(/REDIS_URL: "redis:\/\/redis:\d+"/);
  });

  it('keeps Redis durable the way the fault tests assume (AOF, appendfsync always)', () => {
    const redis = service('redis');
    expect(redis).toMatch(/"--appendonly", "yes"/);
    expect(redis).toMatch(/"--appendfsync", "always"/);
  });

  it('balances with health checks, sticky cookies for long-polling and long websocket tunnels', () => {
    expect(haproxy).toMatch(/option httpchk GET \/livez/);
    expect(haproxy).toMatch(/cookie DRNODE insert/);
    expect(haproxy).toMatch(/timeout tunnel 2h/);
    expect(haproxy).toMatch(/option redispatch/);
  });
});
