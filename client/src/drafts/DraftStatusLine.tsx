import { useI18n } from '../i18n/I18nProvider.tsx';
import type { TranslationKey } from '../i18n/translate.ts';
import type { DraftProblem, DraftStatus } from './draftConnection.ts';
import type { DraftSessionState } from './DraftSession.ts';

const STATUS: Record<DraftStatus, TranslationKey> = {
  connecting: 'draft.status-connecting',
  online: 'draft.status-online',
  offline: 'draft.status-offline',
};

const PROBLEM: Record<DraftProblem, TranslationKey> = {
  'bad-key': 'draft.problem-bad-key',
  forbidden: 'draft.problem-forbidden',
  'unknown-document': 'draft.problem-unknown-document',
  'room-deleted': 'draft.problem-room-deleted',
  'too-large': 'draft.problem-too-large',
  full: 'draft.problem-full',
  'read-only': 'draft.problem-read-only',
};

/**
 * One line saying whether what is typed reaches the others, and a second one when the
 * server refused something. `reader`: this page never writes (the projector, another
 * table), so "your text is kept" and "you cannot change it" would only confuse.
 * `quiet` (the projector) shows nothing while all is well.
 */
export function DraftStatusLine({ id, state, readOnly, reader, quiet }: { id: string; state: DraftSessionState; readOnly: boolean; reader: boolean; quiet?: boolean }) {
  const { t } = useI18n();
  const problem = reader && state.problem === 'read-only' ? null : state.problem;
  const ok = state.status === 'online' && problem === null;
  if (quiet && ok) return <div id={id} role="status" className="visually-hidden" />;
  const status = reader && state.status === 'offline' ? 'draft.status-offline-reader' : STATUS[state.status];
  return (
    <div id={id} role="status" aria-live="polite" className={ok ? 'draft-status draft-status-ok' : 'draft-status draft-status-bad'} data-testid="draft-status" data-status={state.status}>
      <p className="draft-status-line">
        <span className="connection-dot" aria-hidden="true" />
        {t(status)}
        {readOnly && problem !== 'read-only' ? <span className="draft-status-readonly"> · {t('draft.status-read-only')}</span> : null}
      </p>
      {problem ? (
        <p className="draft-status-problem" data-testid="draft-problem" data-problem={problem}>
          {t(PROBLEM[problem])}
        </p>
      ) : null}
    </div>
  );
}
