import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import type { CommandAck, RoomState } from '@dr/shared';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { errorKey } from '../i18n/errorMessages.ts';
import { notify } from '../lib/notices.ts';
import type { CommandInput } from './commandOutbox.ts';
import type { RoomClient, RoomSnapshot } from './RoomClient.ts';

export const RoomContext = createContext<RoomClient | null>(null);

export function useRoomClient(): RoomClient {
  const client = useContext(RoomContext);
  if (!client) throw new Error('useRoomClient outside <RoomProvider>');
  return client;
}

/**
 * Reads one slice of the room. The selector must return something stable for an
 * unchanged snapshot (a field, a primitive): a fresh object each call would loop.
 */
export function useRoom<T>(selector: (snapshot: RoomSnapshot) => T): T {
  const client = useRoomClient();
  return useSyncExternalStore(client.subscribe, () => selector(client.getSnapshot()));
}

/** The room state; only for components rendered under `RoomGate`, which waits for it. */
export function useRoomState(): RoomState {
  const state = useRoom((s) => s.state);
  if (!state) throw new Error('useRoomState before the first snapshot');
  return state;
}

export const useConnectionStatus = () => useRoom((s) => s.status);
/** The server's word on its storage while we are connected; `ok` otherwise (the connection status speaks then). */
export const useStorageStatus = () => useRoom((s) => (s.status === 'online' ? s.storage : 'ok'));
export const useOnline = () => useRoom((s) => s.online);
export const useMyParticipantId = () => useRoom((s) => s.participantId);
/** The table this socket's facilitator link runs; null for every other role. */
export const useMyTableId = () => useRoom((s) => s.tableId);

/**
 * Server time, re-rendering every `intervalMs`. The offset comes from the clock
 * pings, so every screen in the hall shows the same second.
 */
export function useServerNow(intervalMs = 250): number {
  const offset = useRoom((s) => s.clockOffsetMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now + offset;
}

/** Sends a command and, if it is refused, says why in a translated notice. */
export function useCommand(): (command: CommandInput) => Promise<CommandAck> {
  const client = useRoomClient();
  const { t } = useI18n();
  return useCallback(
    async (command: CommandInput) => {
      const ack = await client.send(command);
      if (!ack.ok) notify(t(errorKey(ack.error)), 'error');
      return ack;
    },
    [client, t],
  );
}
