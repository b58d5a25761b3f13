import { useState } from 'react';
import { playTestSound } from './testSound';

const SAID = {
  idle: '',
  playing: 'Playing a chime…',
  played: 'Did you hear a chime? If not, choose another speaker or turn your volume up.',
  failed: 'The test sound could not play. Check that this device has a speaker and that it is not muted.',
} as const;

/** "Play a test sound" on the chosen speaker, and what to do if nothing was heard. */
export function SpeakerTest({ speakerId }: { speakerId: string }) {
  const [state, setState] = useState<keyof typeof SAID>('idle');
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
        Play a test sound
      </button>
      <p role="status" className={state === 'failed' ? 'error' : 'hint'}>
        {SAID[state]}
      </p>
    </div>
  );
}

/** Whether a page may choose where sound plays (Chrome, Edge, Firefox; not Safari). */
export function canChooseSpeaker(): boolean {
  return typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype;
}
