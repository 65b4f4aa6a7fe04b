import { useEffect } from 'react';
import { takePendingLanguages } from '../../lib/storage.ts';
import { useCommand } from '../../room/hooks.ts';

/**
 * Sends the languages picked on the join page, once, as soon as the phone is in the room:
 * joining is plain HTTP, and only a connected participant may set their own profile.
 * They are taken out of storage first, so a reload or React's double effect sends them once.
 */
export function useSendJoinLanguages(roomId: string, me: string | null): void {
  const send = useCommand();
  useEffect(() => {
    if (!me) return;
    const languages = takePendingLanguages(roomId);
    if (languages) void send({ type: 'participant.profile', participantId: me, languages });
  }, [roomId, me, send]);
}
