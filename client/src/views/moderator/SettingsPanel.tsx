import type { CommandOf } from '@dr/shared';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { minutesToMs, msToMinutes } from '../../lib/format.ts';
import { useCommand, useRoomState } from '../../room/hooks.ts';
import { LanguageSelect } from '../common/LanguageSelect.tsx';
import { SettingText, SettingToggle } from './settingFields.tsx';

type RoomChanges = Omit<CommandOf<'room.update'>, 'id' | 'type'>;
const DEFAULT_QUEUE_LIMIT = 3;

/** Room title, languages, joining, and the rules of the queue. */
export function SettingsPanel() {
  const { t } = useI18n();
  const state = useRoomState();
  const send = useCommand();
  const s = state.settings;

  async function update(changes: RoomChanges): Promise<string | null> {
    const ack = await send({ type: 'room.update', ...changes });
    return ack.ok ? null : '';
  }

  async function saveSpeaking(draft: string): Promise<string | null> {
    const ms = minutesToMs(draft);
    if (ms === null || ms < 10_000) return t('desk.invalid-turn');
    return update({ defaultSpeakingMs: ms });
  }

  async function saveLimit(draft: string): Promise<string | null> {
    const n = Number(draft);
    if (!Number.isInteger(n) || n < 1 || n > 100) return t('desk.invalid-limit');
    return update({ queueLimit: n });
  }

  return (
    <section className="panel settings-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('desk.settings')}</h2>
      <SettingToggle label={t('desk.join-open')} hint={t('desk.join-open-hint')} checked={s.joinOpen} onChange={(v) => update({ joinOpen: v })} testId="setting-join-open" />
      <SettingToggle label={t('desk.progressive')} hint={t('desk.progressive-hint')} checked={s.progressiveStack} onChange={(v) => update({ progressiveStack: v })} testId="setting-progressive" />
      <SettingToggle
        label={t('desk.queue-limit')}
        hint={t('desk.queue-limit-hint')}
        checked={s.queueLimit !== null}
        onChange={(v) => update({ queueLimit: v ? DEFAULT_QUEUE_LIMIT : null })}
        testId="setting-queue-limit"
      />
      {s.queueLimit !== null ? <SettingText label={t('desk.queue-limit-times')} value={String(s.queueLimit)} inputMode="numeric" onSave={saveLimit} testId="setting-queue-limit-value" /> : null}
      <SettingText label={t('desk.default-speaking')} value={msToMinutes(s.defaultSpeakingMs)} inputMode="decimal" onSave={saveSpeaking} testId="setting-default-speaking" />
      <SettingText label={t('desk.room-title')} value={state.title} maxLength={200} onSave={(v) => (v.trim() ? update({ title: v.trim() }) : Promise.resolve(t('error.invalid')))} testId="setting-title" />
      <div className="field-row">
        <div className="field">
          <label htmlFor="setting-language" className="field-label">
            {t('landing.room-language')}
          </label>
          <LanguageSelect id="setting-language" value={state.language} onChange={(l) => l && update({ language: l, ...(l === state.secondLanguage ? { secondLanguage: null } : {}) })} />
        </div>
        <div className="field">
          <label htmlFor="setting-second-language" className="field-label">
            {t('landing.second-language')}
          </label>
          <LanguageSelect id="setting-second-language" value={state.secondLanguage} allowNone exclude={state.language} onChange={(l) => update({ secondLanguage: l })} />
        </div>
      </div>
      <p className="field-hint">{t('desk.languages-hint')}</p>
    </section>
  );
}
