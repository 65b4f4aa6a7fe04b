import { useEffect, useRef } from 'react';
import { isRunning } from '@dr/shared';
import { useCommand, useRoomClient } from '../../room/hooks.ts';
import { shortcutFor } from './shortcuts.ts';

export const ADD_STEP_MS = 30_000;

/**
 * N, Space, +, E and ? on the desk. Reads the latest state at key time, not at render.
 * With `floorKeys` off (another tab is showing) only ? works: a key must not act on a
 * floor the moderator cannot see.
 */
export function useDeskShortcuts(onHelp: () => void, floorKeys = true): void {
  const client = useRoomClient();
  const send = useCommand();
  const help = useRef(onHelp);
  help.current = onHelp;

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const action = shortcutFor(e);
      if (!action || e.repeat || (action !== 'help' && !floorKeys)) return;
      // A modal dialog (help, confirmations) owns the keyboard while open.
      if (action !== 'help' && document.querySelector('dialog[open]')) return;
      e.preventDefault();
      const speaker = client.getSnapshot().state?.floor.speaker ?? null;
      if (action === 'help') help.current();
      else if (action === 'next') void send({ type: 'floor.next' });
      else if (action === 'end-turn') void send({ type: 'floor.end' });
      else if (action === 'add-30') void send({ type: 'timer.add', ms: ADD_STEP_MS });
      else void send({ type: speaker && isRunning(speaker.clock) ? 'timer.pause' : 'timer.start' });
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [client, send, floorKeys]);
}
