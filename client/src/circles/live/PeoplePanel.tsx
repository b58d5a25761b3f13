import { useEffect, useRef, useState } from 'react';
import type { LiveParticipant } from '../../../../shared/schemas/live';
import { useStore } from '../../store';
import { ErrorLine } from '../../ui/ErrorLine';
import { RedMugBadge } from '../../ui/RedMugBadge';
import { selectIsHost, selectMyIdentity } from './liveSlice';
import { useCommand } from './useCommand';
import { useT } from '../../i18n/useT';

const HAND = '✋ ';

/**
 * Everyone in the circle as the server counts them (the sockets really present), so the list works with or
 * without audio and video. Hosts get moderation for everyone else; the outcome is read out politely.
 */
export function PeoplePanel() {
  const t = useT();
  const participants = useStore((s) => s.live.participants);
  const hands = useStore((s) => s.live.hands);
  const me = useStore(selectMyIdentity);
  const isHost = useStore(selectIsHost);
  const [status, setStatus] = useState('');
  const raised = new Set(hands.map((h) => h.identity));

  return (
    <section className="card people" aria-labelledby="people-heading">
      <h2 id="people-heading">
        {t.rich('circles.people.heading', { count: participants.length, tally: (chunks) => <span key="tally" className="count">{chunks}</span> })}
      </h2>
      <ul aria-label={t('circles.people.list')}>
        {participants.map((p) => (
          <li key={p.identity}>
            <div className="person">
              <span className="person-name">{p.displayName}</span>
              {p.identity === me && <span className="you">{t('circles.you')}</span>}
              {p.hosting ? <span className="tag host-tag">{t('circles.people.hosting')}</span> : p.isHost && <span className="tag host-tag">{t('circles.people.host')}</span>}
              {p.badge === 'red-mug' && <RedMugBadge />}
              {p.role === 'staff' && <span className="tag staff-tag">{t('circles.people.staff')}</span>}
              {raised.has(p.identity) && (
                <span className="tag hand-tag">
                  <span aria-hidden="true">{HAND}</span>
                  {t('circles.people.handRaised')}
                </span>
              )}
              {p.micBlocked && <span className="tag blocked-tag">{t('circles.people.micBlocked')}</span>}
              {p.notInChat && <span className="tag">{t('circles.people.notInChat')}</span>}
            </div>
            {isHost && p.identity !== me && <ModerationButtons person={p} onDone={setStatus} />}
          </li>
        ))}
      </ul>
      <p role="status" className="moderation-status">
        {status}
      </p>
    </section>
  );
}

type ModerationAck = { ok: true; data: { message: string } } | { ok: false; message: string };

function ModerationButtons({ person, onDone }: { person: LiveParticipant; onDone: (message: string) => void }) {
  const t = useT();
  const { run, busy, error } = useCommand();
  const [confirming, setConfirming] = useState(false);
  // The button pressed gives way to the confirmation: focus goes with it (and back to Remove on cancel), never
  // to the top of the page.
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (asked.current) removeRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  const name = person.displayName;
  const { identity } = person;

  async function act(p: Promise<ModerationAck>) {
    onDone('');
    const ack = await p;
    if (ack.ok) onDone(ack.data.message);
  }
  // Each button names whom it acts on, since every person in the list has the same set; the name starts with
  // the visible words, so saying what one sees (voice control) presses it.
  const button = (text: string, label: string, command: () => Promise<ModerationAck>) => (
    <button type="button" className="small-button" disabled={busy} aria-label={label} onClick={() => void act(command())}>
      {text}
    </button>
  );

  return (
    <div className="moderation" role="group" aria-label={t('circles.people.moderate', { name })}>
      {button(t('circles.people.mute'), t('circles.people.muteLabel', { name }), () => run('moderation:mute', { identity }))}
      {button(t('circles.people.cameraOff'), t('circles.people.cameraOffLabel', { name }), () => run('moderation:cameraOff', { identity }))}
      {person.micBlocked
        ? button(t('circles.people.allowUnmute'), t('circles.people.allowUnmuteLabel', { name }), () => run('moderation:blockMic', { identity, blocked: false }))
        : button(t('circles.people.stopUnmute'), t('circles.people.stopUnmuteLabel', { name }), () => run('moderation:blockMic', { identity, blocked: true }))}
      {person.role === 'volunteer' && person.badge === 'red-mug' && !person.hosting && !person.notInChat &&
        button(t('circles.people.handOver'), t('circles.people.handOverLabel', { name }), async () => {
          const ack = await run('host:handOver', { identity });
          return ack.ok ? { ok: true, data: { message: t('circles.people.nowHosting', { name }) } } : ack;
        })}
      {confirming ? (
        <>
          <button
            ref={confirmRef}
            type="button"
            className="small-button danger"
            disabled={busy}
            onClick={() => {
              setConfirming(false);
              void act(run('moderation:remove', { identity }));
            }}
          >
            {t('circles.people.confirmRemove', { name })}
          </button>
          <button type="button" className="small-button" aria-label={t('circles.people.cancelLabel', { name })} onClick={() => setConfirming(false)}>
            {t('circles.people.cancel')}
          </button>
        </>
      ) : (
        <button ref={removeRef} type="button" className="small-button" disabled={busy} aria-label={t('circles.people.removeLabel', { name })} onClick={() => setConfirming(true)}>
          {t('circles.people.remove')}
        </button>
      )}
      <ErrorLine inline message={error} />
    </div>
  );
}
