/**
 * The names the draft documents are stored under. A contract: the Markdown export and the
 * version diffs read Yjs documents by these names, so they must never change.
 */
export const DRAFT_FIELD = 'default';

export const DRAFT_NODES = {
  recommendation: 'recommendation',
  statement: 'recommendationStatement',
  rationale: 'recommendationRationale',
  promoted: 'promoted',
  paragraph: 'paragraph',
  heading: 'heading',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  blockquote: 'blockquote',
  hardBreak: 'hardBreak',
} as const;

/** Where a promoted passage came from: the `promoted` node's attributes. */
export interface Provenance {
  tableId: string;
  tableName: string;
  /** Epoch milliseconds (server clock) when it was promoted. */
  at: number;
}

/** "14:32" in the reader's language; empty for a missing or broken time. */
export function provenanceTime(at: number, locale?: string): string {
  if (!Number.isFinite(at) || at <= 0) return '';
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at);
}

/** "Table 3 · 14:32": the margin note of a promoted passage. */
export function provenanceLabel(p: Pick<Provenance, 'tableName' | 'at'>, locale?: string): string {
  const time = provenanceTime(p.at, locale);
  return time ? `${p.tableName} · ${time}` : p.tableName;
}
