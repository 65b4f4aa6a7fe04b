/**
 * The words an export prints around the draft's own text. They come from the caller, who
 * translates them (fr/nl/de/en); the exporters never hold a sentence of their own.
 */
export interface ExportLabels {
  /** The heading of a recommendation box, e.g. `n => "Recommendation " + n`. */
  recommendation: (n: number) => string;
  /** The lead-in of a rationale, printed as given: include the language's punctuation ("Rationale:", "Justification :"). */
  rationale: string;
  /** Where a promoted passage came from, e.g. "From Table 3, 14:32"; `time` is "" when unknown. */
  from: (tableName: string, time: string) => string;
}

/** What both exporters need besides the draft. */
export interface ExportOptions {
  /** The document's title, e.g. the assembly's name. */
  title: string;
  labels: ExportLabels;
  /** Formats a promotion time (epoch ms) in the reader's language and time zone, e.g. "14:32". */
  formatTime: (epochMs: number) => string;
}

/** The provenance line of a promoted passage; a missing time is never formatted (it would read 1 January 1970). */
export function provenanceText(passage: { tableName: string; at: number }, options: ExportOptions): string {
  const time = Number.isFinite(passage.at) && passage.at > 0 ? options.formatTime(passage.at) : '';
  return options.labels.from(passage.tableName, time);
}
