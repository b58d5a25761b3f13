import { useId, useState, type FormEvent } from 'react';
import { TOPIC_MAX_LENGTH } from '../../../../shared/schemas/live';
import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { selectIsHost } from './liveSlice';
import { useCommand } from './useCommand';

/** What the circle is talking about now, where it has been, and (for hosts) the way to pivot. */
export function TopicCard() {
  const topic = useStore((s) => s.live.topic);
  const isHost = useStore(selectIsHost);
  return (
    <section className="card topic-card" aria-label="Topic">
      <p className="eyebrow">Topic</p>
      <p className="topic-current">{topic.current ?? 'Open conversation'}</p>
      {topic.trail.length > 0 && (
        <div className="topic-trail">
          <h3 id="trail-heading">Earlier topics</h3>
          <ul aria-labelledby="trail-heading">
            {topic.trail.map((t) => (
              <li key={`${t.at}-${t.topic}`}>{t.topic}</li>
            ))}
          </ul>
        </div>
      )}
      {isHost && <PivotForm />}
    </section>
  );
}

function PivotForm() {
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
      <label htmlFor={id}>New topic</label>
      <div className="inline-form">
        <input
          id={id}
          value={text}
          maxLength={TOPIC_MAX_LENGTH}
          onChange={(e) => setText(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
        <button type="submit" className="button secondary" disabled={busy}>
          Change topic
        </button>
      </div>
      <ErrorLine inline message={error} />
    </form>
  );
}
