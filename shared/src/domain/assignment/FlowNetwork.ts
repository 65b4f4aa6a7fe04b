/**
 * A small max-flow network (Dinic's algorithm). Seating builds one with a node per language
 * group of people and per table, so graphs stay tiny (tens to a few hundred nodes) and flows
 * are at most the number of people.
 */
export class FlowNetwork {
  private readonly first: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly next: number[] = [];
  private readonly original: number[] = [];
  private level: Int32Array;
  private cursor: number[] = [];

  constructor(readonly nodes: number) {
    this.first = new Array<number>(nodes).fill(-1);
    this.level = new Int32Array(nodes);
  }

  /** Adds `from → to` with capacity `capacity`; returns the edge id for `flowOn`. */
  addEdge(from: number, to: number, capacity: number): number {
    const id = this.to.length;
    this.push(from, to, capacity);
    this.push(to, from, 0); // residual twin at id ^ 1
    return id;
  }

  /** Flow currently on an edge returned by `addEdge`. */
  flowOn(edge: number): number {
    return (this.original[edge] ?? 0) - (this.cap[edge] ?? 0);
  }

  /** Pushes as much flow as possible from `source` to `sink`; returns the amount. */
  maxFlow(source: number, sink: number): number {
    let total = 0;
    while (this.buildLevels(source, sink)) {
      this.cursor = this.first.slice();
      for (let pushed = this.augment(source, sink, Infinity); pushed > 0; pushed = this.augment(source, sink, Infinity)) {
        total += pushed;
      }
    }
    return total;
  }

  private push(from: number, to: number, capacity: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.original.push(capacity);
    this.next.push(this.first[from] ?? -1);
    this.first[from] = this.to.length - 1;
  }

  /** BFS from the source over edges with spare capacity; false when the sink is unreachable. */
  private buildLevels(source: number, sink: number): boolean {
    this.level.fill(-1);
    this.level[source] = 0;
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head] as number;
      for (let e = this.first[u] ?? -1; e !== -1; e = this.next[e] ?? -1) {
        const v = this.to[e] as number;
        if ((this.cap[e] ?? 0) > 0 && this.level[v] === -1) {
          this.level[v] = (this.level[u] ?? 0) + 1;
          queue.push(v);
        }
      }
    }
    return this.level[sink] !== -1;
  }

  /** One blocking-flow DFS step along increasing levels; the cursor skips edges already exhausted. */
  private augment(u: number, sink: number, limit: number): number {
    if (u === sink) return limit;
    for (let e = this.cursor[u] ?? -1; e !== -1; e = this.next[e] ?? -1, this.cursor[u] = e) {
      const v = this.to[e] as number;
      const spare = this.cap[e] ?? 0;
      if (spare <= 0 || this.level[v] !== (this.level[u] ?? 0) + 1) continue;
      const pushed = this.augment(v, sink, Math.min(limit, spare));
      if (pushed > 0) {
        this.cap[e] = spare - pushed;
        this.cap[e ^ 1] = (this.cap[e ^ 1] ?? 0) + pushed;
        return pushed;
      }
    }
    return 0;
  }
}
