import { useEffect } from 'react';

interface WakeLockSentinel {
  release(): Promise<void>;
}

/**
 * Keeps a projector laptop from dimming mid-session. The API exists only in secure
 * contexts (https or localhost); elsewhere the screen's own settings apply.
 */
export function useWakeLock(): void {
  useEffect(() => {
    const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<WakeLockSentinel> } }).wakeLock;
    if (!wakeLock) return;
    let sentinel: WakeLockSentinel | null = null;
    const acquire = () => {
      if (document.visibilityState === 'visible') wakeLock.request('screen').then((s) => (sentinel = s), () => undefined);
    };
    acquire();
    // The lock is dropped whenever the tab is hidden; take it again on return.
    document.addEventListener('visibilitychange', acquire);
    return () => {
      document.removeEventListener('visibilitychange', acquire);
      void sentinel?.release();
    };
  }, []);
}
