import '../../styles/storage.css';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TranslationKey } from '../../i18n/translate.ts';
import { useStorageStatus } from '../../room/hooks.ts';

/** `plain`: panelists and table helpers (plain words, no jargon); `desk`: the moderator. */
export type StorageAudience = 'plain' | 'desk';

const TEXT: Record<StorageAudience, { down: TranslationKey; hint: TranslationKey; back: TranslationKey }> = {
  plain: { down: 'storage.down-plain', hint: 'storage.down-plain-hint', back: 'storage.back-plain' },
  desk: { down: 'storage.down', hint: 'storage.down-hint', back: 'storage.back' },
};

/**
 * The server cannot save anything right now (its storage is out of reach): a calm banner
 * beside the connection status, and a short "works again" when it is back. The live region
 * is always in the page, empty when all is well, so screen readers announce the change.
 */
export function StorageStatus({ audience }: { audience: StorageAudience }) {
  const { t } = useI18n();
  const status = useStorageStatus();
  const text = TEXT[audience];
  return (
    <div className="storage-status" data-testid="storage-status" data-status={status} role="status" aria-live="polite">
      {status === 'down' ? (
        <div className={`storage-banner storage-banner-${audience}`}>
          <span className="connection-dot" aria-hidden="true" />
          <p className="storage-title">{t(text.down)}</p>
          <p className="storage-hint">{t(text.hint)}</p>
        </div>
      ) : null}
      {status === 'back' ? (
        <div className={`storage-banner storage-banner-${audience} storage-banner-back`}>
          <span className="connection-dot" aria-hidden="true" />
          <p className="storage-title">{t(text.back)}</p>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Disables every form control inside while storage is down: a tap would not be saved.
 * Lays out nothing itself (`display: contents`); links and text editing are unaffected.
 */
export function CommandFence({ children }: { children: ReactNode }) {
  const down = useStorageStatus() === 'down';
  return (
    <fieldset className="command-fence" role="none" disabled={down} data-testid="command-fence">
      {children}
    </fieldset>
  );
}
