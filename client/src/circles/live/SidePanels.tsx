import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useStore } from '../../store';
import { selectMyIdentity } from './liveSlice';
import { useT } from '../../i18n/useT';

export type Sheet = 'people' | 'chat';

/**
 * On a narrow screen, people (with the raised hands) and chat are sheets over the call, opened from the toolbar
 * one at a time, so the video and the controls keep the screen; on a wide one they are always beside the stage.
 * Escape closes an open sheet and gives the focus back to its button.
 */
export function useSheets() {
  const [open, setOpen] = useState<Sheet | null>(null);
  const close = useCallback(() => setOpen(null), []);
  return { open, toggle: (sheet: Sheet) => setOpen((o) => (o === sheet ? null : sheet)), close };
}

/** The side column, and on a narrow screen the open sheet. */
export function SidePanels(props: { open: Sheet | null; onClose: () => void; people: ReactNode; chat: ReactNode }) {
  const t = useT();
  const { open, onClose } = props;
  const column = useRef<HTMLDivElement>(null);
  // Opening a sheet moves the focus into it: the message box for chat, the list's heading for people.
  useEffect(() => {
    if (!open) return;
    const part = column.current?.querySelector<HTMLElement>(`[data-part="${open}"]`);
    const target = open === 'chat' ? part?.querySelector<HTMLElement>('textarea') : part;
    target?.focus({ preventScroll: true });
    // Escape closes it wherever the focus is (after a message is sent it may be on nothing at all).
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      onClose();
      document.getElementById(`${open}-sheet-toggle`)?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, onClose]);
  return (
    <div
      ref={column}
      className="circle-side"
      data-sheet={open ?? undefined}
    >
      <div className="side-part" data-part="people" id="people-sheet" tabIndex={-1} aria-label={open === 'people' ? t('circles.side.peopleSheet') : undefined}>
        {props.people}
      </div>
      <div className="side-part" data-part="chat" id="chat-sheet">
        {props.chat}
      </div>
    </div>
  );
}

/** The toolbar's People and Chat buttons (narrow screens only); Chat counts what arrived while it was closed. */
export function SheetToggles({ open, onToggle }: { open: Sheet | null; onToggle: (sheet: Sheet) => void }) {
  const t = useT();
  const count = useStore((s) => s.live.participants.length);
  const unread = useUnreadChat(open === 'chat');
  return (
    <div className="narrow-only sheet-toggles" role="group" aria-label={t('circles.toolbar.sheets')}>
      <button type="button" id="people-sheet-toggle" className="toggle" aria-expanded={open === 'people'} aria-controls="people-sheet" onClick={() => onToggle('people')}>
        {t.rich('circles.toolbar.people', { count, tally: (chunks) => <span key="tally" className="count">{chunks}</span> })}
      </button>
      <button type="button" id="chat-sheet-toggle" className="toggle" aria-expanded={open === 'chat'} aria-controls="chat-sheet" onClick={() => onToggle('chat')}>
        {t('circles.toolbar.chat')}
        {unread > 0 && (
          <span className="unread">
            {t.rich('circles.toolbar.unread', {
              count: unread,
              hidden: (chunks) => (
                <span key="new" className="visually-hidden">
                  {chunks}
                </span>
              ),
            })}
          </span>
        )}
      </button>
    </div>
  );
}

/** How many messages from others arrived since chat was last open (chat is never kept; this counts what is on screen). */
function useUnreadChat(reading: boolean): number {
  const chat = useStore((s) => s.live.chat);
  const me = useStore(selectMyIdentity);
  // The messages as they were when last read (React's "adjust state while rendering": no effect, no extra pass).
  const [read, setRead] = useState(chat);
  if (reading && read !== chat) setRead(chat);
  const seen = useMemo(() => new Set(read.map((m) => m.id)), [read]);
  return reading ? 0 : chat.filter((m) => !seen.has(m.id) && m.identity !== me).length;
}
