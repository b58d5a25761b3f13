import { staleZoneData } from './scheduling/zoneData';

/**
 * The process entry. The runtime's zone data is checked first, with nothing else loaded yet: with stale data every
 * circle instant would be wrong without any error, and an older runtime may also lack modules the app loads (such
 * as node:sqlite), which must not hide the plain message behind a loader error. Then the app is loaded and started
 * (main.ts wires the real dependencies, app.ts builds the app).
 */
const stale = staleZoneData();
if (stale) {
  process.stderr.write(`${stale}\n`);
  process.exit(1);
}

try {
  const { main } = await import('./main');
  await main();
} catch (err) {
  process.stderr.write(`Red Mug failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
}
