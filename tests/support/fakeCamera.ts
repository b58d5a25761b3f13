import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A camera that films a black-and-white checkerboard: a one-frame YUV4MPEG2 file (Chromium loops it) for
 * `--use-file-for-fake-video-capture`. Sharp edges everywhere, and no person in it, so a background blur blurs
 * the whole picture and anyone watching can tell at once.
 */
export function checkerboardCamera(dir: string, width = 640, height = 480, square = 16): string {
  const y = Buffer.alloc(width * height);
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) y[row * width + col] = (Math.floor(row / square) + Math.floor(col / square)) % 2 ? 235 : 16;
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const file = path.join(dir, 'checkerboard.y4m');
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F15:1 Ip A1:1 C420jpeg\nFRAME\n`), y, chroma, chroma]));
  return file;
}
