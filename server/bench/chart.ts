/**
 * An SVG of the latency distributions (one panel per scenario, one line per variant,
 * percentiles on a log scale so the tail is visible) and of fan-out cost by room size.
 */
import type { Distribution } from './hdr.ts';

export interface Panel {
  title: string;
  series: Array<{ label: string; dist: Distribution }>;
}
export interface GrowthPanel {
  title: string;
  sizes: number[];
  series: Array<{ label: string; values: number[] }>;
  unit: string;
}

const COLORS: Record<string, string> = { bare: '#6b7280', 'bare-work': '#d97706', memory: '#1d4ed8', redis: '#b91c1c' };
const NAMES: Record<string, string> = { bare: 'bare baseline', 'bare-work': 'bare doing the same work (join)', memory: 'memory store', redis: 'redis store' };
const W = 420;
const H = 250;
const M = { left: 52, right: 14, top: 34, bottom: 40 };
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function niceMax(x: number): number {
  if (x <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((v) => v >= x)!;
}

function frame(title: string, xTicks: Array<[number, string]>, yMax: number, unit: string, body: string, ox: number, oy: number): string {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  return `<g transform="translate(${ox},${oy})">
<text x="${M.left}" y="20" font-size="14" font-weight="600">${esc(title)}</text>
${yTicks.map((v) => `<line x1="${M.left}" x2="${M.left + iw}" y1="${M.top + ih - (v / yMax) * ih}" y2="${M.top + ih - (v / yMax) * ih}" stroke="#e5e7eb"/><text x="${M.left - 6}" y="${M.top + ih - (v / yMax) * ih + 4}" font-size="11" text-anchor="end">${+v.toPrecision(3)}</text>`).join('\n')}
${xTicks.map(([x, l]) => `<text x="${M.left + x * iw}" y="${M.top + ih + 16}" font-size="11" text-anchor="${x >= 1 ? 'end' : 'middle'}">${esc(l)}</text>`).join('\n')}
<text x="12" y="${M.top + ih / 2}" font-size="11" transform="rotate(-90 12 ${M.top + ih / 2})" text-anchor="middle">${esc(unit)}</text>
<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${M.top + ih}" stroke="#111"/><line x1="${M.left}" x2="${M.left + iw}" y1="${M.top + ih}" y2="${M.top + ih}" stroke="#111"/>
${body}</g>`;
}

function legend(labels: string[], ox: number, oy: number): string {
  let x = ox;
  return labels
    .map((l) => {
      const g = `<g transform="translate(${x},${oy})"><rect width="14" height="4" y="-6" fill="${COLORS[l] ?? '#000'}"/><text x="20" font-size="12">${esc(NAMES[l] ?? l)}</text></g>`;
      x += 40 + 7 * (NAMES[l] ?? l).length;
      return g;
    })
    .join('');
}

const tail = (p: number) => -Math.log10(1 - Math.min(p, 99.99) / 100) / 4;

function latencyPanel(panel: Panel, ox: number, oy: number): string {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const yMax = niceMax(Math.max(...panel.series.flatMap((s) => s.dist.curve.map(([, v]) => v))));
  const lines = panel.series.map((s) => {
    const pts = s.dist.curve.map(([p, v]) => `${(M.left + tail(p) * iw).toFixed(1)},${(M.top + ih - (v / yMax) * ih).toFixed(1)}`).join(' ');
    return `<polyline fill="none" stroke-width="2" stroke="${COLORS[s.label] ?? '#000'}" points="${pts}"/>`;
  });
  const ticks: Array<[number, string]> = [[0, 'p0'], [tail(90), 'p90'], [tail(99), 'p99'], [tail(99.9), 'p99.9'], [1, 'p99.99']];
  return frame(panel.title, ticks, yMax, 'ms', lines.join('\n'), ox, oy);
}

function growthPanel(panel: GrowthPanel, ox: number, oy: number): string {
  const iw = W - M.left - M.right;
  const ih = H - M.top - M.bottom;
  const xMax = Math.max(...panel.sizes);
  const yMax = niceMax(Math.max(...panel.series.flatMap((s) => s.values)));
  const lines = panel.series.map((s) => {
    const pts = s.values.map((v, i) => `${(M.left + (panel.sizes[i]! / xMax) * iw).toFixed(1)},${(M.top + ih - (v / yMax) * ih).toFixed(1)}`).join(' ');
    return `<polyline fill="none" stroke-width="2" stroke="${COLORS[s.label] ?? '#000'}" points="${pts}"/>`;
  });
  return frame(panel.title, panel.sizes.map((n) => [n / xMax, String(n)]), yMax, panel.unit, lines.join('\n'), ox, oy);
}

export function renderChart(title: string, panels: Panel[], growth: GrowthPanel[]): string {
  const all = [...panels.map((p) => ({ kind: 'latency' as const, p })), ...growth.map((p) => ({ kind: 'growth' as const, p }))];
  const cols = 2;
  const rows = Math.ceil(all.length / cols);
  const width = cols * W;
  const height = rows * H + 70;
  const body = all.map((x, i) => {
    const ox = (i % cols) * W;
    const oy = 50 + Math.floor(i / cols) * H;
    return x.kind === 'latency' ? latencyPanel(x.p as Panel, ox, oy) : growthPanel(x.p as GrowthPanel, ox, oy);
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
<text x="14" y="24" font-size="16" font-weight="700">${esc(title)}</text>
${legend(Object.keys(COLORS).filter((l) => panels.some((p) => p.series.some((s) => s.label === l)) || growth.some((g) => g.series.some((s) => s.label === l))), 14, 44)}
${body.join('\n')}
</svg>
`;
}
