import { useEffect } from 'react';

/** Tab titles help a moderator juggling the desk and the projector in one browser. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Deliberation Room` : 'Deliberation Room';
  }, [title]);
}
