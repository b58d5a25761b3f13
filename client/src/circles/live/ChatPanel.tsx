import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CHAT_MAX_LENGTH, type ChatMessage } from '../../../../shared/schemas/live';
import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { selectIsHost, selectMyIdentity } from './liveSlice';
import { useCommand } from './useCommand';
import { timeIn } from '../../../../shared/i18n/formatTime';
import { useT } from '../../i18n/useT';

/** Chat for the people present now: nothing is fetched, nothing is saved. */
export function ChatPanel() {
  const t = useT();
  const messages = useStore((s) => s.live.chat);
  const isHost = useStore(selectIsHost);
  const me = useStore(selectMyIdentity);
  const listRef = useRef<HTMLOListElement>(null);

  // Keep the newest message in view as they arrive.
  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length]);

  return (
    <section id="chat-panel" className="card chat" aria-label={t('circles.chat.label')} tabIndex={-1}>
      <h2>{t('circles.chat.heading')}</h2>
      <p className="hint">{t('circles.chat.notSaved')}</p>
      {/* Named by title, not aria-label, so the "Message" box stays the only thing labelled like it. */}
      <ol title={t('circles.chat.messages')} className="messages" ref={listRef}>
        {messages.map((m) => (
          <ChatItem key={m.id} message={m} mine={m.identity === me} canRemove={isHost} />
        ))}
      </ol>
      <ChatForm />
    </section>
  );
}

function ChatItem({ message, mine, canRemove }: { message: ChatMessage; mine: boolean; canRemove: boolean }) {
  const t = useT();
  const { run, busy, error } = useCommand();
  // The reader's own clock, in their language ("2:05 p.m.", "14 h 05").
  const time = timeIn(t.locale, message.at, Intl.DateTimeFormat().resolvedOptions().timeZone);
  return (
    <li className={mine ? 'mine' : undefined}>
      <div className="message-meta">
        <span className="message-name">{message.displayName}</span>
        {mine && <span className="you">{t('circles.you')}</span>}
        <span className="message-time">{time}</span>
      </div>
      <p className="message-text">{message.text}</p>
      {canRemove && (
        <button
          type="button"
          className="link-button"
          aria-label={t('circles.chat.removeLabel', { name: message.displayName })}
          disabled={busy}
          onClick={() => void run('chat:remove', { messageId: message.id })}
        >
          {t('circles.chat.remove')}
        </button>
      )}
      <ErrorLine inline message={error} />
    </li>
  );
}

function ChatForm() {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const { run, busy, error } = useCommand();

  async function send() {
    if (busy) return;
    const ack = await run('chat:send', { text });
    if (ack.ok) setText('');
  }
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void send();
  }
  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter is a new line; never while an IME is composing.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      void send();
    }
  }

  return (
    <form className="chat-form" onSubmit={onSubmit}>
      <label htmlFor={id}>{t('circles.chat.message')}</label>
      <textarea
        id={id}
        rows={2}
        value={text}
        maxLength={CHAT_MAX_LENGTH}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
      />
      <div className="chat-form-row">
        <span id={`${id}-hint`} className="hint">
          {t('circles.chat.keys')}
        </span>
        <button type="submit" className="button primary" disabled={busy}>
          {t('circles.chat.send')}
        </button>
      </div>
      <ErrorLine inline message={error} />
    </form>
  );
}
