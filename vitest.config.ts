import { defineConfig } from 'vitest/config';

/**
 * Three projects: unit tests beside the code, integration tests against real servers on port 0 (with a real
 * PostgreSQL started by the global setup), and end-to-end tests driving Chromium against livekit-server.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/src/**/*.test.ts', 'shared/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}', 'bench/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
          testTimeout: 60_000, // generous: a busy machine (CI beside other work) must not fail a test on time alone
          hookTimeout: 60_000,
        },
      },
      {
        // Faults with real processes (instances killed, Redis/PostgreSQL/LiveKit stopped); one file at a time.
        test: {
          name: 'fault',
          include: ['tests/fault/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
          testTimeout: 90_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
