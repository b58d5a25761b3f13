import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

/**
 * The app secret: SESSION_SECRET when set (required in production); otherwise, for development, one generated
 * once and kept beside the embedded store so sign-ins survive a restart.
 */
export function resolveAppSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  if (config.env === 'production') throw new Error('SESSION_SECRET is required in production');
  return devSecret(config, 'dev-secret');
}

/**
 * The secret circle media keys are derived from: E2EE_SECRET when set (required in production); otherwise, for
 * development, its own generated file beside the embedded store, never the session secret.
 */
export function resolveE2eeSecret(config: Config): string {
  if (config.e2eeSecret) return config.e2eeSecret;
  if (config.env === 'production') throw new Error('E2EE_SECRET is required in production');
  return devSecret(config, 'dev-e2ee-secret');
}

function devSecret(config: Config, name: string): string {
  const file = path.join(config.dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
