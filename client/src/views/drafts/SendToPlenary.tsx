import type { Table } from '@dr/shared';
import type { Editor, JSONContent } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import type { PlenaryWriter } from '../../drafts/plenaryWriter.ts';
import { plainText, promotionContent, wrapPromoted } from '../../drafts/promote.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoomClient, useRoomState } from '../../room/hooks.ts';
import { provenanceTableName } from './provenance.ts';

type Step =
  | { kind: 'idle' }
  | { kind: 'nothing' }
  | { kind: 'confirm'; content: JSONContent[]; text: string }
  | { kind: 'sending'; text: string }
  | { kind: 'sent'; text: string }
  | { kind: 'failed'; content: JSONContent[]; text: string };

/**
 * A facilitator sends the recommendation under the cursor (or the selected blocks) to the
 * plenary draft: first shown for a yes, then confirmed with what was sent. The plenary
 * connection opens on the first press, not before: most tables never use it.
 */
export function SendToPlenary({ editor, table }: { editor: Editor; table: Table }) {
  const { t } = useI18n();
  const client = useRoomClient();
  const state = useRoomState();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const writer = useRef<Promise<PlenaryWriter> | null>(null);

  useEffect(
    () => () => {
      void writer.current?.then((w) => w.close());
    },
    [],
  );

  function prepare() {
    const content = promotionContent(editor.state);
    if (!content) return setStep({ kind: 'nothing' });
    writer.current ??= import('../../drafts/plenaryWriter.ts').then((m) => m.openPlenaryWriter(client.roomId, client.key));
    setStep({ kind: 'confirm', content, text: plainText(content) });
  }

  async function send(content: JSONContent[], text: string) {
    setStep({ kind: 'sending', text });
    try {
      const w = await writer.current!;
      await w.append(wrapPromoted(content, { tableId: table.id, tableName: provenanceTableName(state, table), at: client.serverNow() }));
      setStep({ kind: 'sent', text });
    } catch {
      setStep({ kind: 'failed', content, text });
    }
  }

  return (
    <section className="draft-send" aria-live="polite" data-testid="draft-send">
      {step.kind === 'idle' || step.kind === 'nothing' ? (
        <>
          <button type="button" className="button button-secondary button-large" onMouseDown={(e) => e.preventDefault()} onClick={prepare} data-testid="draft-send-open">
            {t('draft.send-to-plenary')}
          </button>
          <p className={step.kind === 'nothing' ? 'draft-send-note draft-send-warn' : 'field-hint'}>{t(step.kind === 'nothing' ? 'draft.send-nothing' : 'draft.send-hint')}</p>
        </>
      ) : null}
      {step.kind === 'confirm' || step.kind === 'failed' ? (
        <div className="draft-send-confirm">
          <p className="draft-send-title">{t('draft.send-confirm-title')}</p>
          <blockquote className="draft-send-quote">{step.text}</blockquote>
          {step.kind === 'failed' ? <p className="draft-send-note draft-send-warn">{t('draft.send-failed')}</p> : null}
          <div className="button-row">
            <button type="button" className="button button-primary button-grow" onClick={() => void send(step.content, step.text)} data-testid="draft-send-confirm">
              {t('draft.send-confirm')}
            </button>
            <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {step.kind === 'sending' ? <p className="draft-send-note">{t('draft.sending')}</p> : null}
      {step.kind === 'sent' ? (
        <div className="draft-send-confirm draft-send-done" data-testid="draft-sent">
          <p className="draft-send-title">✓ {t('draft.sent')}</p>
          <blockquote className="draft-send-quote">{step.text}</blockquote>
          <button type="button" className="button" onClick={() => setStep({ kind: 'idle' })}>
            {t('draft.done')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
