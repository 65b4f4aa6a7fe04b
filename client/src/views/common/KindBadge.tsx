import type { HandKind } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TranslationKey } from '../../i18n/translate.ts';

export const KIND_LABELS: Record<HandKind, TranslationKey> = {
  point: 'kind.point',
  reply: 'kind.reply',
  speak: 'kind.speak',
};

/** Request kind as text plus a shape, never colour alone. */
export function KindBadge({ kind }: { kind: HandKind }) {
  const { t } = useI18n();
  return <span className={`badge badge-${kind}`}>{t(KIND_LABELS[kind])}</span>;
}
