import { describe, expect, it } from 'vitest';
import type { SupportRequest } from '../../../shared/schemas/live';
import { addRequest } from './addRequest';

const req = (id: string, createdAt: string, handledAt: string | null = null): SupportRequest => ({
  id,
  fromCircle: true,
  firstName: 'Lee',
  email: 'lee@example.ca',
  memberKind: 'lawyer',
  createdAt,
  handledAt,
});

describe('addRequest', () => {
  it('adds once, oldest first, and skips handled ones', () => {
    let list = addRequest([], req('b', '2026-11-30T19:10:00Z'));
    list = addRequest(list, req('a', '2026-11-30T19:05:00Z'));
    list = addRequest(list, req('a', '2026-11-30T19:05:00Z'));
    list = addRequest(list, req('c', '2026-11-30T19:20:00Z', '2026-11-30T19:21:00Z'));
    expect(list.map((r) => r.id)).toEqual(['a', 'b']);
  });
});
