import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dump, load } from 'js-yaml';

/**
 * The deployment files of `infra/deploy`, rendered for local processes on loopback (tests/e2e/deployTopology.test.ts).
 * Each renderer changes only what a host of the test cannot have: service names become 127.0.0.1 and free ports,
 * the certificate is the test's own, and the `${VAR}` / `REPLACE_WITH_…` placeholders get the test's values. The
 * rest of each file is used as written.
 */
const root = path.resolve(import.meta.dirname, '../..');
export const DEPLOY_DIR = path.join(root, 'infra/deploy');
export const readDeployFile = (name: string) => readFileSync(path.join(DEPLOY_DIR, name), 'utf8');

/**
 * Compose's interpolation (`${VAR}`, `${VAR:-default}`, `$$` for a literal `$`), failing on a variable the test did
 * not give, as `docker compose` warns and leaves it empty.
 */
export function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(/\$\$|\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g, (whole, name: string | undefined, fallback: string | undefined) => {
    if (!name) return '$';
    const value = vars[name] ?? fallback;
    if (value === undefined) throw new Error(`docker-compose.yml uses \${${name}}, which the test does not set`);
    return value;
  });
}

export interface ComposeService {
  environment?: Record<string, string | number | boolean | null>;
  command?: string[];
  [key: string]: unknown;
}

export function composeServices(): Record<string, ComposeService> {
  return (load(readDeployFile('docker-compose.yml')) as { services: Record<string, ComposeService> }).services;
}

/**
 * A service's environment as compose would give it, with each `service:port` of another compose service inside a
 * value (`@postgres:5432/`, `@redis:6379`) replaced by where the test runs that service.
 */
export function composeEnvironment(service: string, vars: Record<string, string>, addresses: Record<string, string>): Record<string, string> {
  const env = composeServices()[service]?.environment ?? {};
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(env)) {
    let value = interpolate(String(raw ?? ''), vars);
    for (const [svc, address] of Object.entries(addresses)) value = value.replace(new RegExp(`(?<=@|//)${svc.replace(/-/g, '\\-')}:\\d+(?=/|$)`), address);
    out[name] = value;
  }
  return out;
}

/**
 * The deploy nginx.conf, rendered as the nginx image renders the template (envsubst of the names given, nginx's
 * own `$variables` left alone), then pointed at the test's processes:
 * - each `upstream NAME { … }` gets one `server` line per address in `upstreams[NAME]`, with the parameters
 *   (`max_fails=…`) of the file's first server line, in place of the file's server lines;
 * - `listen 443 ssl` / `listen 80` become 127.0.0.1 and the test's ports; `/etc/nginx/tls/` the test's folder;
 * - `http2 on;` is dropped for nginx < 1.25.1 (Debian 12 has 1.22; the image has 1.27);
 * - when `accessLog` is given, the access logs that the file keeps off write there instead, with the upstream each
 *   request went to (the one thing the test adds: how it sees which instance served what).
 */
export function renderNginxConf(o: {
  vars: Record<string, string>;
  upstreams: Record<string, string[]>;
  ports: { https: number; http: number };
  tlsDir: string;
  nginxVersion: string;
  accessLog?: string;
}): string {
  let conf = readDeployFile('nginx.conf').replace(/\$\{([A-Z0-9_]+)\}/g, (whole, name: string) => o.vars[name] ?? whole);
  for (const [name, addresses] of Object.entries(o.upstreams)) {
    const block = new RegExp(`(upstream ${name} \\{\\n)([\\s\\S]*?)(\\n  \\})`).exec(conf);
    if (!block) throw new Error(`nginx.conf has no upstream ${name}`);
    const lines = block[2]!.split('\n');
    const first = lines.findIndex((l) => /^\s*server\s+\S+/.test(l));
    if (first < 0) throw new Error(`upstream ${name} has no server line`);
    const [, indent, params] = /^(\s*)server\s+\S+?(\s[^;]*)?;/.exec(lines[first]!)!;
    const servers = addresses.map((a) => `${indent}server ${a}${params ?? ''};`);
    const kept = lines.filter((l, i) => i !== first && !/^\s*server\s+\S+/.test(l));
    kept.splice(first, 0, ...servers);
    conf = conf.replace(block[0], `${block[1]}${kept.join('\n')}${block[3]}`);
  }
  conf = conf
    .replaceAll('listen 443 ssl;', `listen 127.0.0.1:${o.ports.https} ssl;`)
    .replaceAll('listen 80;', `listen 127.0.0.1:${o.ports.http};`)
    .replaceAll('/etc/nginx/tls/', `${o.tlsDir}/`);
  const [major, minor, patch] = o.nginxVersion.split('.').map(Number) as [number, number, number];
  if (major === 1 && (minor < 25 || (minor === 25 && patch < 1))) conf = conf.replaceAll('http2 on;', '');
  if (o.accessLog) {
    conf = conf
      .replace('server_tokens off;', `server_tokens off;\n  log_format topology '$upstream_addr $status "$request"';`)
      .replaceAll('access_log off;', `access_log ${o.accessLog} topology;`);
  }
  return conf;
}

/** The placeholders livekit.yaml asks an operator to replace. */
export const LIVEKIT_PLACEHOLDERS = ['REPLACE_WITH_API_KEY', 'REPLACE_WITH_API_SECRET_AT_LEAST_32_CHARS', 'REPLACE_WITH_REDIS_PASSWORD', 'REPLACE_WITH_RED_MUG_HOST'] as const;

/**
 * The deploy livekit.yaml for one node of the test: its placeholders filled in, and what the host decides replaced
 * by loopback settings (as server/src/livekit/localLivekit.ts has them): its HTTP port, 127.0.0.1 instead of the
 * Docker bridge, the Redis the test runs, its own small RTC port range, and ICE on loopback only (no external IP,
 * no ICE/TCP, STUN pointed at an unused port). Everything else (room, webhook, logging…) is the file's.
 */
export function renderLivekitYaml(o: {
  values: Record<(typeof LIVEKIT_PLACEHOLDERS)[number], string>;
  port: number;
  redisAddress: string;
  rtcPorts: { start: number; end: number };
  unusedStun: number;
}): string {
  let text = readDeployFile('livekit.yaml');
  for (const p of LIVEKIT_PLACEHOLDERS) {
    if (!text.includes(p)) throw new Error(`livekit.yaml no longer has ${p}`);
    text = text.replace(new RegExp(`${p}(?![A-Z_])`, 'g'), o.values[p]);
  }
  const conf = load(text) as Record<string, unknown> & { rtc: Record<string, unknown>; redis: Record<string, unknown> };
  conf.port = o.port;
  conf.bind_addresses = ['127.0.0.1'];
  conf.rtc = {
    ...conf.rtc,
    port_range_start: o.rtcPorts.start,
    port_range_end: o.rtcPorts.end,
    tcp_port: 0,
    use_external_ip: false,
    node_ip: '127.0.0.1',
    enable_loopback_candidate: true,
    interfaces: { includes: ['lo'] },
    ips: { includes: ['127.0.0.1/32'] },
    stun_servers: [`127.0.0.1:${o.unusedStun}`],
  };
  conf.redis = { ...conf.redis, address: o.redisAddress };
  return dump(conf);
}
