/**
 * `npm run bench [-- --quick] [--only=<scenario keys>] [--store=memory|redis]`: the service against bare
 * socket.io and bare y-websocket, in the same run on the same machine. Each server
 * under test runs in its own process pinned to core 0; this process (the load
 * generator) and Redis share core 1. Baseline and service runs alternate (A B A B) and
 * the ratio is the median over the pairs. Writes bench/results/<date>.json and .svg.
 * Starts: a private redis-server on a free port (no persistence) for the Redis rows.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { startRedisServer } from '../test/support/redisServer.ts';
import { renderChart, type GrowthPanel, type Panel } from './chart.ts';
import type { Distribution } from './hdr.ts';
import { judge, median, printTable, writeResults, type Goal, type Row } from './report.ts';
import type { BenchContext, Measurement, Variant } from './scenarios/context.ts';
import { drafts } from './scenarios/drafts.ts';
import { fanout } from './scenarios/fanout.ts';
import { hall } from './scenarios/hall.ts';
import { joinStorm } from './scenarios/joinStorm.ts';
import { memory } from './scenarios/memory.ts';
import { queueChurn } from './scenarios/queueChurn.ts';
import { roundTrip } from './scenarios/roundTrip.ts';
import { saturation } from './scenarios/saturation.ts';
import { seatingBench } from './seating.ts';
import { GENERATOR_CORE, pin } from './target.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const PAIRS = quick ? 1 : 3;
const STORES = (args.find((a) => a.startsWith('--store='))?.slice(8).split(',') ?? ['memory', 'redis']) as Array<'memory' | 'redis'>;

interface Plan {
  key: string;
  scenario: string;
  /** Runs with a bare baseline in A/B pairs; otherwise the service only, once per store. */
  paired: boolean;
  run(variant: Variant, ctx: BenchContext): Promise<Measurement>;
  /**
   * A second baseline, in the same A/B runs: a bare server that also does the work any
   * implementation must (e.g. telling everyone present about a join). Its rows, never
   * judged, separate the price of that work from the service's own.
   */
  workBaseline?: { label: string; figures: string[] };
  /** `store`: shown for that store only, with no baseline (e.g. Redis round trips); `noBaseline`: the service's own figure. */
  figures: Array<{ figure: string; goal?: Goal; store?: 'memory' | 'redis'; noBaseline?: boolean }>;
}

const hallTables = quick ? 25 : 125;
const plans: Plan[] = [
  {
    key: 'roundtrip',
    scenario: 'command round trip (raise hand → ack), one client',
    paired: true,
    run: roundTrip,
    figures: [{ figure: 'ack p50 ms' }, { figure: 'ack p99 ms', goal: { ratioMax: 2 } }, { figure: 'ack max ms' }, { figure: 'Redis round trips/command', store: 'redis' }],
  },
  {
    key: 'fanout',
    scenario: 'moderator action fanned out to 500 panelists',
    paired: true,
    run: (v, ctx) => fanout(v, ctx, 500),
    figures: [{ figure: 'last recipient p50 ms' }, { figure: 'last recipient p99 ms', goal: { ratioMax: 1.25 } }, { figure: 'CPU µs/delivery', goal: { ratioMax: 1.2 } }, { figure: 'incomplete', goal: { max: 0 } }],
  },
  {
    key: 'join',
    scenario: 'join storm: 500 panelists join within 1 s (HTTP join + connect + snapshot)',
    paired: true,
    run: (v, ctx) => joinStorm(v, ctx, 500),
    workBaseline: { label: 'bare doing the join work', figures: ['join p50 ms', 'join p99 ms', 'server CPU ms/join'] },
    figures: [{ figure: 'join p50 ms' }, { figure: 'join p99 ms', goal: { max: 500, unit: 'ms', ratioMax: 2 } }, { figure: 'failed', goal: { max: 0 } }, { figure: 'server CPU ms/join' }, { figure: 'load generator CPU ms/join' }, { figure: 'Redis round trips/join', goal: { max: 3 }, store: 'redis' }, { figure: 'Redis commands/join', store: 'redis' }],
  },
  {
    key: 'churn',
    scenario: `queue churn: 60 panelists, 20 actions/s for ${quick ? 5 : 60} s`,
    paired: false,
    run: (v, ctx) => queueChurn(v as 'memory' | 'redis', ctx),
    figures: [{ figure: 'ack p99 ms' }, { figure: 'events out of order', goal: { max: 0 } }, { figure: 'repeats of the snapshot' }, { figure: 'refused', goal: { max: 0 } }, { figure: 'Redis round trips/action', goal: { max: 2 }, store: 'redis' }, { figure: 'Redis commands/action', store: 'redis' }],
  },
  {
    key: 'memory',
    scenario: `memory: ${quick ? 300 : 1000} idle panelists`,
    paired: true,
    run: (v, ctx) => memory(v, ctx, quick ? 300 : 1000),
    figures: [{ figure: 'RSS KiB/connection', goal: { ratioMax: 1.3 } }, { figure: 'RSS MiB total' }, { figure: 'heap KiB/connection' }, { figure: 'room state heap KiB/participant', noBaseline: true }, { figure: 'connected', goal: { min: quick ? 300 : 1000 } }],
  },
  {
    key: 'saturation',
    scenario: 'saturation: 20 panelists, actions delivered to all',
    paired: true,
    run: saturation,
    figures: [{ figure: 'max actions/s with p99 < 100 ms', goal: { ratioMin: 0.8 } }],
  },
  {
    key: 'drafts',
    scenario: 'drafts: 20 editors at 5 chars/s + 200 viewers, one document',
    paired: true,
    run: drafts,
    figures: [{ figure: 'edit → all peers p50 ms' }, { figure: 'edit → all peers p99 ms', goal: { max: 50, unit: 'ms' } }, { figure: 'CPU µs/edit', goal: { ratioMax: 1.2 } }, { figure: 'incomplete', goal: { max: 0 } }, { figure: 'dropped', goal: { max: 0 } }],
  },
  {
    key: 'hall',
    scenario: `the whole hall: ${hallTables * 8} panelists at ${hallTables} tables of 8 on one node`,
    paired: false,
    run: (v, ctx) => hall(v as 'memory' | 'redis', ctx, hallTables),
    figures: [
      { figure: 'edit → table peers p99 ms', goal: { max: 100, unit: 'ms' } },
      { figure: 'command ack p99 ms', goal: { max: 100, unit: 'ms' } },
      { figure: 'broadcast → all p99 ms' },
      { figure: 'disconnected', goal: { max: 0 } },
      { figure: 'edits incomplete', goal: { max: 0 } },
      { figure: 'server CPU % of a core' },
      { figure: 'server RSS MiB' },
    ],
  },
];
const GROWTH_SIZES = [100, 250, 500, 1000];

/** The service's median figure, and against a baseline's runs (paired by index) the median ratio. */
function compare(service: Measurement[], baseline: Measurement[] | null, figure: string): Pick<Row, 'service' | 'baseline' | 'ratio'> {
  const value = median(service.map((m) => m.figures[figure]!));
  if (!baseline) return { service: value, baseline: null, ratio: null };
  const ratio = median(service.map((m, i) => m.figures[figure]! / baseline[i]!.figures[figure]!));
  return { service: value, baseline: median(baseline.map((m) => m.figures[figure]!)), ratio: Number.isFinite(ratio) ? ratio : null };
}

/**
 * Between runs: an empty Redis, and a collected load generator, so one run's garbage (a
 * hall of 2,000 closed connections) does not pause the next one's clients mid-measure.
 */
async function settle(admin: Redis): Promise<void> {
  await admin.flushdb();
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 200));
}

async function main(): Promise<void> {
  const pinned = pin(process.pid, GENERATOR_CORE);
  const redis = await startRedisServer();
  const admin = new Redis(redis.url);
  const redisPid = Number(/process_id:(\d+)/.exec(await admin.info('server'))![1]);
  pin(redisPid, GENERATOR_CORE);
  const ctx: BenchContext = {
    quick,
    redisUrl: redis.url,
    redisCommands: async () => [...(await admin.info('commandstats')).matchAll(/calls=(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0),
  };
  console.log(`Deliberation Room benchmark (${quick ? 'quick' : 'full'}): servers on core 0, load generator and Redis (pid ${redisPid}) on core ${GENERATOR_CORE}${pinned ? '' : ' (taskset unavailable: not pinned)'}; ${PAIRS} A/B pair(s) per scenario\n`);
  const rows: Row[] = [];
  const panels: Panel[] = [];
  const growth: GrowthPanel[] = [];
  try {
    const measure = async (plan: Plan, started: number) => {
      const runs: Record<Variant, Measurement[]> = { bare: [], 'bare-work': [], memory: [], redis: [] };
      for (let pair = 0; pair < (plan.paired ? PAIRS : 1); pair++) {
        const forward: Variant[] = ['bare', ...(plan.workBaseline ? (['bare-work'] as const) : []), 'memory', 'redis'];
        const order: Variant[] = plan.paired ? (pair % 2 ? forward.reverse() : forward) : ['memory', 'redis'];
        for (const variant of order.filter((v) => v === 'bare' || v === 'bare-work' || STORES.includes(v))) {
          await settle(admin);
          runs[variant].push(await plan.run(variant, ctx));
        }
      }
      process.stdout.write(` ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
      return runs;
    };
    for (const plan of plans) {
      if (only && !only.includes(plan.key)) continue;
      process.stdout.write(`▶ ${plan.scenario} …`);
      const started = performance.now();
      let runs: Record<Variant, Measurement[]>;
      try {
        runs = await measure(plan, started);
      } catch (error) {
        // One scenario failing to run is a FAIL row; the others still run and are reported.
        process.stdout.write(` failed: ${String((error as Error)?.message ?? error)}\n`);
        for (const store of STORES) rows.push({ scenario: plan.scenario, store, figure: 'ran', service: 0, baseline: null, ratio: null, target: 'completes', pass: false, judged: true });
        continue;
      }
      for (const store of STORES) {
        for (const { figure, goal, store: onlyOn, noBaseline } of plan.figures) {
          if (onlyOn && onlyOn !== store) continue;
          const { service, baseline, ratio } = compare(runs[store], plan.paired && !onlyOn && !noBaseline ? runs.bare : null, figure);
          rows.push({ scenario: plan.scenario, store, figure, service, baseline, ratio, ...judge(goal, service, ratio) });
        }
        for (const figure of plan.workBaseline?.figures ?? []) {
          const { service, baseline, ratio } = compare(runs[store], runs['bare-work'], figure);
          rows.push({ scenario: plan.scenario, store, figure: `${figure} vs ${plan.workBaseline!.label}`, service, baseline, ratio, ...judge(undefined, service, ratio) });
        }
      }
      const curveNames = Object.keys(runs.memory[0]?.curves ?? {});
      for (const name of curveNames) {
        const series: Panel['series'] = [];
        for (const v of ['bare', 'bare-work', 'memory', 'redis'] as const) {
          const d = runs[v][0]?.curves?.[name];
          if (d) series.push({ label: v, dist: d as Distribution });
        }
        panels.push({ title: name, series });
      }
    }
    if (!quick && (!only || only.includes('growth'))) {
      process.stdout.write('▶ fan-out growth by room size …');
      const p99: Record<'bare' | 'memory' | 'redis', number[]> = { bare: [], memory: [], redis: [] };
      const cpu: Record<'bare' | 'memory' | 'redis', number[]> = { bare: [], memory: [], redis: [] };
      for (const size of GROWTH_SIZES) {
        for (const v of ['bare', 'memory', 'redis'] as const) {
          await settle(admin);
          const m = await fanout(v, ctx, size);
          p99[v].push(m.figures['last recipient p99 ms']!);
          cpu[v].push(m.figures['CPU µs/delivery']!);
        }
        for (const store of ['memory', 'redis'] as const) {
          const i = p99[store].length - 1;
          const scenario = `fan-out growth: ${size} panelists`;
          rows.push({ scenario, store, figure: 'last recipient p99 ms', service: p99[store][i]!, baseline: p99.bare[i]!, ratio: p99[store][i]! / p99.bare[i]!, ...judge(undefined, 0, null) });
          rows.push({ scenario, store, figure: 'CPU µs/delivery', service: cpu[store][i]!, baseline: cpu.bare[i]!, ratio: cpu[store][i]! / cpu.bare[i]!, ...judge(undefined, 0, null) });
        }
      }
      process.stdout.write(' done\n');
      growth.push({ title: 'fan-out p99 to last recipient by room size', sizes: GROWTH_SIZES, unit: 'ms', series: (['bare', 'memory', 'redis'] as const).map((v) => ({ label: v, values: p99[v] })) });
      growth.push({ title: 'fan-out server CPU per delivery by room size', sizes: GROWTH_SIZES, unit: 'µs', series: (['bare', 'memory', 'redis'] as const).map((v) => ({ label: v, values: cpu[v] })) });
    }
  } finally {
    admin.disconnect();
    await redis.stop();
  }
  console.log('\n' + printTable(rows));
  const seat = seatingBench();
  console.log(`\nseating a G1000 hall (704 people, 81 tables, 3 attributes, in-process): random ${seat.randomMs.toFixed(1)} ms (imbalance ${seat.randomImbalance.toFixed(0)}), balanced ${seat.balancedMs.toFixed(1)} ms (imbalance ${seat.balancedImbalance.toFixed(0)})`);
  const failed = rows.filter((r) => !r.pass).length;
  console.log(`\n${rows.filter((r) => r.judged).length - failed} targets met, ${failed} missed`);
  const name = new Date().toISOString().slice(0, 10) + (quick ? '-quick' : '') + (only ? `-only-${only.join('+')}` : '');
  const dir = path.resolve(import.meta.dirname, '../../bench/results');
  const file = writeResults(dir, name, rows);
  const svg = path.join(dir, `${name}.svg`);
  writeFileSync(svg, renderChart(`Latency: service vs bare baseline (${name})`, panels, growth));
  console.log(`results: ${path.relative(process.cwd(), file)}, chart: ${path.relative(process.cwd(), svg)}`);
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
