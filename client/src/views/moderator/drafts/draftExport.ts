import type { Language } from '@dr/shared';
import type * as Y from 'yjs';
import { DRAFT_FIELD, provenanceTime } from '../../../drafts/draftSchema.ts';
import { readDraft } from '../../../drafts/export/draftTree.ts';
import type { ExportLabels, ExportOptions } from '../../../drafts/export/exportLabels.ts';
import { draftFileName } from '../../../drafts/export/fileName.ts';
import { draftToMarkdown } from '../../../drafts/export/markdown.ts';
import { draftToPrintHtml } from '../../../drafts/export/printHtml.ts';
import type { I18n } from '../../../i18n/I18nProvider.tsx';
import { downloadBlob } from '../../../lib/download.ts';
import { printDocument } from '../../../lib/printDocument.ts';

/** Which draft is exported, and in whose words. */
export interface DraftExport {
  doc: Y.Doc;
  roomTitle: string;
  /** "Plenary draft", "Draft of Table 3". */
  draftName: string;
  t: I18n['t'];
  lang: Language;
}

/** The words around the draft's own, in the moderator's language (also used by the version comparison). */
export function exportLabels(t: I18n['t']): ExportLabels {
  return {
    recommendation: (number) => t('draft.export-recommendation', { number }),
    rationale: t('draft.export-rationale'),
    from: (table, time) => (time ? t('draft.export-from', { table, time }) : t('draft.export-from-untimed', { table })),
  };
}

function options(x: DraftExport, title: string): ExportOptions {
  return { title, labels: exportLabels(x.t), formatTime: (ms) => provenanceTime(ms, x.lang) };
}

/** Downloads the live document as `<room title> – <draft name>.md`. */
export function exportMarkdown(x: DraftExport): void {
  const markdown = draftToMarkdown(readDraft(x.doc.getXmlFragment(DRAFT_FIELD)), options(x, `${x.roomTitle} – ${x.draftName}`));
  downloadBlob(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }), draftFileName(x.roomTitle, x.draftName, 'md'));
}

/** Opens the live document as a printable page, headed by the room's title. */
export function printDraft(x: DraftExport, now: number): void {
  const date = new Intl.DateTimeFormat(x.lang, { dateStyle: 'long', timeStyle: 'short' }).format(now);
  const subtitle = x.t('draft.print-subtitle', { draft: x.draftName, date });
  printDocument(draftToPrintHtml(readDraft(x.doc.getXmlFragment(DRAFT_FIELD)), { ...options(x, x.roomTitle), subtitle, lang: x.lang }));
}
