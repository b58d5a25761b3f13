import { useEffect } from 'react';

/** Each page names itself in the tab, which is also what screen readers announce on navigation. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Red Mug Coffee Circle` : 'Red Mug Coffee Circle';
  }, [title]);
}
