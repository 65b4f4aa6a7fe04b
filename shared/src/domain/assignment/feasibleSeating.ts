/**
 * A first seating that meets the hard constraints, found by max flow:
 *
 *   source → language group g (capacity: people in g)
 *          → table t, when g may sit at t (capacity: people in g)
 *          → sink (capacity ⌊n/k⌋)   and   t → extra (capacity 1) → sink (capacity n mod k)
 *
 * A flow of n saturates every edge into the sink, so each table gets ⌊n/k⌋ plus at most one
 * extra, and exactly `n mod k` tables get it — which tables is left to the flow, as it must be.
 * People with the same language set are interchangeable here, which keeps the graph tiny.
 */
import { FlowNetwork } from './FlowNetwork.ts';
import { languagesMeet, sizePlan } from './languages.ts';
import { shuffled } from './rng.ts';
import type { Rng, SeatPerson, SeatTable } from './types.ts';

interface Group {
  languages: SeatPerson['languages'];
  members: number[];
}

/** People (by index) grouped by their language set, each group in random order. */
function languageGroups(people: readonly SeatPerson[], rng: Rng): Group[] {
  const groups = new Map<string, Group>();
  for (const i of shuffled(people.map((_, index) => index), rng)) {
    const person = people[i] as SeatPerson;
    const key = [...new Set(person.languages)].sort().join(' ');
    const group = groups.get(key) ?? { languages: person.languages, members: [] };
    group.members.push(i);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/**
 * Person indices per table (same order as `tables`), or null when languages make sizes-within-one
 * impossible. `rng` shuffles people and table order so that the flow's choices vary.
 */
export function feasibleSeating(people: readonly SeatPerson[], tables: readonly SeatTable[], rng: Rng): number[][] | null {
  const plan = sizePlan(people.length, tables.length);
  const groups = languageGroups(people, rng);
  const order = shuffled(tables.map((_, index) => index), rng);
  // Nodes: 0 source, 1..G groups, G+1..G+K tables (in `order`), then extra, then sink.
  const extra = groups.length + tables.length + 1;
  const sink = extra + 1;
  const net = new FlowNetwork(sink + 1);
  const edges: { group: number; table: number; edge: number }[] = [];
  groups.forEach((group, g) => {
    net.addEdge(0, g + 1, group.members.length);
    order.forEach((t, slot) => {
      if (languagesMeet(group.languages, (tables[t] as SeatTable).languages)) {
        edges.push({ group: g, table: t, edge: net.addEdge(g + 1, groups.length + 1 + slot, group.members.length) });
      }
    });
  });
  order.forEach((_, slot) => {
    net.addEdge(groups.length + 1 + slot, sink, plan.small);
    if (plan.bigTables > 0) net.addEdge(groups.length + 1 + slot, extra, 1);
  });
  if (plan.bigTables > 0) net.addEdge(extra, sink, plan.bigTables);
  if (net.maxFlow(0, sink) < people.length) return null;
  return dealSeats(groups, edges, tables.length, net);
}

/** Hands out each group's (shuffled) members to tables as the flow says. */
function dealSeats(groups: Group[], edges: { group: number; table: number; edge: number }[], tableCount: number, net: FlowNetwork): number[][] {
  const seats: number[][] = Array.from({ length: tableCount }, () => []);
  const dealt = groups.map(() => 0);
  for (const { group, table, edge } of edges) {
    const flow = net.flowOn(edge);
    const start = dealt[group] ?? 0;
    seats[table]?.push(...(groups[group]?.members.slice(start, start + flow) ?? []));
    dealt[group] = start + flow;
  }
  return seats;
}
