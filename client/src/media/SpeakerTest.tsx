import { useState } from 'react';
import type { MessageId } from '../../../shared/i18n/catalog';
import { useT } from '../i18n/useT';
import { playTestSound } from './testSound';

type State = 'idle' | 'playing' | 'played' | 'failed';
const SAID: Record<Exclude<State, 'idle'>, MessageId> = {
  playing: 'media.speakerTest.playing',
  played: 'media.speakerTest.played',
  failed: 'media.speakerTest.failed',
};

/** "Play a test sound" on the chosen speaker, and what to do if nothing was heard. */
export function SpeakerTest({ speakerId }: { speakerId: string }) {
  const t = useT();
  const [state, setState] = useState<State>('idle');
  async function play() {
    setState('playing');
    await playTestSound(speakerId).then(
      () => setState('played'),
      () => setState('failed'),
    );
  }
  return (
    <div className="speaker-test">
      <button type="button" className="button secondary" onClick={() => void play()} disabled={state === 'playing'}>
        {t('media.speakerTest.play')}
      </button>
      <p role="status" className={state === 'failed' ? 'error' : 'hint'}>
        {state === 'idle' ? null : t(SAID[state])}
      </p>
    </div>
  );
}

/** Whether a page may choose where sound plays (Chrome, Edge, Firefox; not Safari). */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}
