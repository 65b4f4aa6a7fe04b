import { draftAccess, tableById, type Actor, type DraftAccess, type DraftRef } from '@dr/shared';
import { useMemo } from 'react';
import { caretColor, type CaretUser } from '../../drafts/caretUser.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoom, useRoomClient } from '../../room/hooks.ts';
import type { RoomSnapshot } from '../../room/RoomClient.ts';
import { tableName } from '../common/tableName.ts';

/** This connection as the server sees it, or null before the welcome says who we are. */
export function actorOf(s: Pick<RoomSnapshot, 'role' | 'participantId' | 'tableId'>): Actor | null {
  switch (s.role) {
    case 'moderator':
      return { role: 'moderator' };
    case 'display':
      return { role: 'display' };
    case 'participant':
      return s.participantId ? { role: 'participant', participantId: s.participantId } : null;
    case 'facilitator':
      return s.tableId ? { role: 'facilitator', tableId: s.tableId } : null;
    default:
      return null;
  }
}

/**
 * What this page may do with a draft, by the same rule the server applies. A string, so
 * the selector is stable and the view re-renders only when the answer changes.
 */
export function useDraftAccess(draft: DraftRef): DraftAccess {
  return useRoom((s) => {
    const actor = actorOf(s);
    return s.state && actor ? draftAccess(s.state, actor, draft) : 'unknown';
  });
}

/** The caret others see: the person's name, "Moderator", or the facilitator link's table. */
export function useCaretUser(): CaretUser | null {
  const { t } = useI18n();
  const role = useRoom((s) => s.role);
  const participantId = useRoom((s) => s.participantId);
  const linkTableId = useRoom((s) => s.tableId);
  const participantName = useRoom((s) => (s.participantId ? (s.state?.participants[s.participantId]?.name ?? null) : null));
  const linkTable = useRoom((s) => (s.state && s.tableId ? tableById(s.state, s.tableId) : undefined));
  const linkTableName = linkTable ? tableName(t, linkTable) : null;
  return useMemo(() => {
    if (role === 'moderator') return { name: t('draft.moderator-name'), color: caretColor('moderator'), role: 'moderator' };
    if (role === 'participant' && participantId && participantName) return { name: participantName, color: caretColor(participantId), role: 'participant' };
    if (role === 'facilitator' && linkTableId && linkTableName) return { name: t('draft.facilitator-name', { table: linkTableName }), color: caretColor(`facilitator:${linkTableId}`), role: 'facilitator' };
    return null;
  }, [t, role, participantId, participantName, linkTableId, linkTableName]);
}

/** Room and secret for the drafts' websocket: the ones this page's room connection uses. */
export function useDraftCredentials(): { roomId: string; roomKey: string } {
  const client = useRoomClient();
  return { roomId: client.roomId, roomKey: client.key };
}

/** Everything a draft editor needs for this page: who, and whether they may write. */
export function useDraftTarget(draft: DraftRef) {
  const access = useDraftAccess(draft);
  const user = useCaretUser();
  const credentials = useDraftCredentials();
  return { ...credentials, draft, access, user: access === 'write' ? user : null };
}
