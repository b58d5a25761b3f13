import type { LocalAudioTrack } from 'livekit-client';
import { useEffect, useState } from 'react';

// Speech sits roughly between -50 dBFS (quiet) and -10 dBFS (loud); that range fills the meter.
const FLOOR_DB = -60;
const CEIL_DB = -10;
// How much of the previous level survives each frame, so the bar falls smoothly instead of flickering.
const DECAY = 0.85;

/** The RMS level of one buffer of samples, 0–100 on a decibel scale. */
export function levelOf(samples: Float32Array): number {
  let sum = 0;
  for (const s of samples) sum += s * s;
  const rms = Math.sqrt(sum / Math.max(samples.length, 1));
  if (rms <= 0) return 0;
  const db = 20 * Math.log10(rms);
  const scaled = ((db - FLOOR_DB) / (CEIL_DB - FLOOR_DB)) * 100;
  return Math.round(Math.min(100, Math.max(0, scaled)));
}

/**
 * The live level (0–100) of a microphone track, measured with a Web Audio AnalyserNode in a
 * requestAnimationFrame loop. The loop, the nodes and the AudioContext are released on unmount or track change.
 */
export function useMicLevel(track: LocalAudioTrack | null): number {
  const [level, setLevel] = useState(0);

  useEffect(() => {
    if (!track) return;
    const ctx = new AudioContext();
    const source = ctx.createMediaStreamSource(new MediaStream([track.mediaStreamTrack]));
    const analyser = ctx.createAnalyser();
    analyser.fftSize = 1024;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let shown = 0;
    let raf = 0;
    const frame = () => {
      analyser.getFloatTimeDomainData(samples);
      const next = Math.max(levelOf(samples), Math.floor(shown * DECAY));
      if (next !== shown) {
        shown = next;
        setLevel(next);
      }
      raf = requestAnimationFrame(frame);
    };
    // Created after a click, so the context may start; resume() covers browsers that start it suspended.
    void ctx.resume().catch(() => undefined);
    raf = requestAnimationFrame(frame);
    return () => {
      cancelAnimationFrame(raf);
      source.disconnect();
      analyser.disconnect();
      void ctx.close().catch(() => undefined);
      setLevel(0);
    };
  }, [track]);

  return track ? level : 0;
}
