/**
 * A short, gentle two-note chime as a WAV file made in memory (16-bit mono PCM), for the speaker test: nothing to
 * download, and it plays through an <audio> element, which can be sent to the chosen speaker.
 */
export function chimeWav(sampleRate = 24_000): Blob {
  const notes = [660, 880];
  const noteSamples = Math.round(sampleRate * 0.35);
  const samples = noteSamples * notes.length;
  const buffer = new ArrayBuffer(44 + samples * 2);
  const view = new DataView(buffer);
  const text = (at: number, s: string) => [...s].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  text(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  text(8, 'WAVEfmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  text(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i++) {
    const note = notes[Math.floor(i / noteSamples)] ?? 660;
    const t = (i % noteSamples) / sampleRate;
    // Fade in and out over each note, so it starts and ends without a click.
    const envelope = Math.min(1, t / 0.02, (noteSamples / sampleRate - t) / 0.08);
    view.setInt16(44 + i * 2, Math.round(Math.sin(2 * Math.PI * note * t) * envelope * 0.3 * 0x7fff), true);
  }
  return new Blob([buffer], { type: 'audio/wav' });
}

type SinkableAudio = HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> };

/** Plays the chime on `speakerId` (or the default speaker); resolves once it has played to the end. */
export async function playTestSound(speakerId: string): Promise<void> {
  const url = URL.createObjectURL(chimeWav());
  const audio: SinkableAudio = new Audio(url);
  try {
    if (speakerId && audio.setSinkId) await audio.setSinkId(speakerId);
    await new Promise<void>((resolve, reject) => {
      audio.onended = () => resolve();
      audio.onerror = () => reject(new Error('The test sound could not play.'));
      audio.play().catch(reject);
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
