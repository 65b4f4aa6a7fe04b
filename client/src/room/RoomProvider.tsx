import { useEffect, useState, type ReactNode } from 'react';
import { RoomClient } from './RoomClient.ts';
import { RoomContext } from './hooks.ts';

/**
 * One connection per mounted room view. Created in an effect so React's strict-mode
 * double mount opens and closes a socket cleanly instead of leaking one.
 */
export function RoomProvider({ roomId, roomKey, children }: { roomId: string; roomKey: string; children: ReactNode }) {
  const [client, setClient] = useState<RoomClient | null>(null);
  useEffect(() => {
    const c = new RoomClient({ roomId, key: roomKey });
    c.start();
    setClient(c);
    return () => {
      c.stop();
      setClient(null);
    };
  }, [roomId, roomKey]);
  if (!client) return null;
  return <RoomContext.Provider value={client}>{children}</RoomContext.Provider>;
}
