import fc from 'fast-check';

/** How many cases each property runs: small in the normal suite, 10,000 in `npm run fuzz`. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** Keys a hostile client would try: prototype pollution, and the names our payloads really use. */
const key = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty'),
  fc.constantFrom('sessionId', 'displayName', 'identity', 'topic', 'text', 'locked', 'blocked', 'id', 'messageId', 'reaction', 'commandId', 'email', 'password'),
);

/** Strings at the edges of Unicode and of our length limits. */
const edgeString = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\uFEFF', '\u202E', '\u200B', '\uD800', '\uDFFF', 'e\u0301', '👩🏽‍⚖️', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'p_AAAAAAAAAAAAAAAAAAAAAA'),
  fc.constantFrom('<script>alert(1)</script>', "'; DROP TABLE users; --", '${7*7}', '../../etc/passwd', '%00', 'null', 'undefined'),
  fc.nat({ max: 40_000 }).map((n) => 'x'.repeat(n)),
  fc.uuid(),
);

const scalar = fc.oneof(
  edgeString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, -1, 1e308),
  fc.boolean(),
  fc.constant(null),
);

/** Any JSON-ish value, nested a little, with hostile keys. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('v'), { maxLength: 5 }),
    fc.dictionary(key, tie('v'), { maxKeys: 5 }),
  ),
})).v;

/** Deeply nested arrays or objects, far past anything we accept. */
const deep = fc.tuple(fc.integer({ min: 50, max: 2_000 }), fc.boolean()).map(([depth, asObject]) => {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = asObject ? { __proto__: null, a: v } : [v];
  return v;
});

/** Many keys or elements at once. */
const wide = fc.nat({ max: 3_000 }).chain((n) =>
  fc.constantFrom<unknown>(
    Array.from({ length: n }, (_, i) => i),
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])),
  ),
);

/** A payload that looks almost right: the right keys with wrong values, plus a stray key now and then. */
const nearMiss = fc.record(
  {
    sessionId: value,
    displayName: value,
    identity: value,
    topic: value,
    text: value,
    locked: value,
    blocked: value,
    id: value,
    messageId: value,
    reaction: value,
    commandId: value,
    ['__proto__']: fc.constant({ polluted: true }),
  },
  { requiredKeys: [] },
);

/** What a hostile client puts in the first argument of a command or the body of a request. */
export const hostilePayload: fc.Arbitrary<unknown> = fc
  .oneof(value, deep, wide, nearMiss, fc.constant(undefined))
  // Frames past the server's limit close the connection instead of answering; those are tested on their own.
  .filter((p) => (JSON.stringify(p) ?? '').length < 60_000);

/** Extra arguments sent before the ack (a client may send any number). */
export const extraArgs = fc.array(value, { maxLength: 2 });

/** Throws when something wrote to Object.prototype. */
export function assertPrototypeClean(): void {
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'isHost', 'role', 'ok']) {
    if (probe[k] !== undefined) throw new Error(`Object.prototype was polluted with ${k}`);
  }
  if (Object.keys(Object.prototype).length > 0) throw new Error('Object.prototype has new enumerable keys');
}
