import { describe, expect, it } from 'vitest';
import { apiPath, withQuery } from './apiPath';

describe('apiPath', () => {
  it.each([
    [apiPath`/api/circles/next`, '/api/circles/next'],
    [apiPath`/api/scheduling/sessions/${'rmcc_2026-11-30'}/topic`, '/api/scheduling/sessions/rmcc_2026-11-30/topic'],
    [apiPath`/api/people/${'../auth/invites'}/role`, '/api/people/..%2Fauth%2Finvites/role'],
    [apiPath`/api/matching/matches/${'a b?c#d'}`, '/api/matching/matches/a%20b%3Fc%23d'],
    [apiPath`/api/x/${'1'}/${'2'}`, '/api/x/1/2'],
  ])('%s', (path, expected) => {
    expect(path).toBe(expected);
  });
});

describe('withQuery', () => {
  it.each([
    [{}, '/api/p'],
    [{ weeks: 26 }, '/api/p?weeks=26'],
    [{ limit: 25, offset: 0, q: undefined, role: 'staff' }, '/api/p?limit=25&offset=0&role=staff'],
    [{ q: 'a&b=c d' }, '/api/p?q=a%26b%3Dc+d'],
  ])('%o', (params, expected) => {
    expect(withQuery('/api/p', params)).toBe(expected);
  });
});
