import type { GaussianBlurBackgroundProcessor } from '@twilio/video-processors';
import type { ProcessorOptions, Track, TrackProcessor } from 'livekit-client';
import type { MessageId } from '../../../shared/i18n/catalog';

/**
 * Background blur for the local camera: Twilio's video processors find the person in each frame (MediaPipe's
 * selfie segmentation model, run as WebAssembly in a worker) and blur everything else before the frame is
 * encrypted and sent. The model, the runtime and the worker are served by us under /blur/ (client/blurAssets.ts);
 * nothing is fetched from anywhere else. Frames never leave the browser unblurred once blur is on.
 */
const ASSETS = '/blur/';
const BLUR_RADIUS = 15;

/** Whether this browser can blur: WebAssembly, OffscreenCanvas, per-frame callbacks and a canvas that streams. */
export function canBlurBackground(): boolean {
  return (
    typeof WebAssembly !== 'undefined' &&
    typeof OffscreenCanvas !== 'undefined' &&
    typeof HTMLVideoElement !== 'undefined' &&
    'requestVideoFrameCallback' in HTMLVideoElement.prototype &&
    'captureStream' in HTMLCanvasElement.prototype
  );
}

/** What people read when blur cannot work here, or did not start: catalog ids, put in the person's words where shown. */
export const BLUR_UNSUPPORTED: MessageId = 'media.blur.unsupported';
export const BLUR_FAILED: MessageId = 'media.blur.failed';

/** The processor is loaded only when someone first turns blur on: its code stays out of everyone else's page. */
async function loadSegmenter(): Promise<GaussianBlurBackgroundProcessor> {
  const { GaussianBlurBackgroundProcessor, isSupported } = await import('@twilio/video-processors');
  if (!isSupported) throw new Error(BLUR_UNSUPPORTED);
  const processor = new GaussianBlurBackgroundProcessor({ assetsPath: ASSETS, blurFilterRadius: BLUR_RADIUS });
  await processor.loadModel();
  return processor;
}

/**
 * A LiveKit video processor that blurs the background: the camera's frames play into a video element nobody
 * sees, each new frame is segmented and drawn blurred onto a canvas, and the canvas's stream is what LiveKit sends
 * (and what the person's own tile shows). A new camera (another device, the camera back on) restarts it.
 */
export class BackgroundBlur implements TrackProcessor<Track.Kind.Video> {
  readonly name = 'background-blur';
  processedTrack?: MediaStreamTrack;
  private segmenter: Promise<GaussianBlurBackgroundProcessor> | null = null;
  private readonly video = document.createElement('video');
  private readonly canvas = document.createElement('canvas');
  /** Bumped on every (re)start and on destroy: a frame loop of an older run stops at its next frame. */
  private run = 0;

  async init({ track }: ProcessorOptions<Track.Kind.Video>): Promise<void> {
    await this.start(track);
  }

  async restart({ track }: ProcessorOptions<Track.Kind.Video>): Promise<void> {
    await this.start(track);
  }

  async destroy(): Promise<void> {
    this.run++;
    this.processedTrack?.stop();
    this.processedTrack = undefined;
    this.video.srcObject = null;
  }

  private async start(track: MediaStreamTrack): Promise<void> {
    const run = ++this.run;
    this.segmenter ??= loadSegmenter();
    const segmenter = await this.segmenter.catch((err: unknown) => {
      this.segmenter = null;
      throw err;
    });
    const { video, canvas } = this;
    video.muted = true;
    video.playsInline = true;
    video.srcObject = new MediaStream([track]);
    await video.play();
    // The first blurred frame is drawn before the stream is handed over, so nobody ever receives an unblurred one.
    await this.drawFrame(segmenter);
    if (run !== this.run) return;
    this.processedTrack?.stop();
    this.processedTrack = canvas.captureStream(track.getSettings().frameRate ?? 24).getVideoTracks()[0];
    const next = () => {
      if (run !== this.run) return;
      void this.drawFrame(segmenter).finally(() => {
        if (run === this.run) video.requestVideoFrameCallback(next);
      });
    };
    video.requestVideoFrameCallback(next);
  }

  private async drawFrame(segmenter: GaussianBlurBackgroundProcessor): Promise<void> {
    const { video, canvas } = this;
    if (!video.videoWidth || !video.videoHeight) return;
    if (canvas.width !== video.videoWidth) canvas.width = video.videoWidth;
    if (canvas.height !== video.videoHeight) canvas.height = video.videoHeight;
    // A frame that fails is dropped (the canvas keeps the last blurred one); the next frame tries again.
    await segmenter.processFrame(video, canvas).catch(() => undefined);
  }
}
