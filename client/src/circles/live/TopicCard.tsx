import { useId, useState, type FormEvent } from 'react';
import { TOPIC_MAX_LENGTH } from '../../../../shared/schemas/live';
import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { selectIsHost } from './liveSlice';
import { useCommand } from './useCommand';
import { useT } from '../../i18n/useT';

/** What the circle is talking about now, where it has been, and (for hosts) the way to pivot. */
export function TopicCard() {
  const t = useT();
  const topic = useStore((s) => s.live.topic);
  const isHost = useStore(selectIsHost);
  return (
    <section className="card topic-card" aria-label={t('circles.topicCard.label')}>
      <p className="eyebrow">{t('circles.topicCard.eyebrow')}</p>
      <p className="topic-current">{topic.current ?? t('circles.topicCard.open')}</p>
      {topic.trail.length > 0 && (
        <div className="topic-trail">
          <h3 id="trail-heading">{t('circles.topicCard.earlier')}</h3>
          <ul aria-labelledby="trail-heading">
            {topic.trail.map((was) => (
              <li key={`${was.at}-${was.topic}`}>{was.topic}</li>
            ))}
          </ul>
        </div>
      )}
      {isHost && <PivotForm />}
    </section>
  );
}

function PivotForm() {
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const { run, busy, error } = useCommand();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ack = await run('topic:pivot', { topic: text });
    if (ack.ok) setText('');
  }

  return (
    <form className="pivot-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id}>{t('circles.topicCard.newTopic')}</label>
      <div className="inline-form">
        <input
          id={id}
          value={text}
          maxLength={TOPIC_MAX_LENGTH}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className="button secondary" disabled={busy}>
          {t('circles.topicCard.change')}
        </button>
      </div>
      <ErrorLine inline message={error} />
    </form>
  );
}
