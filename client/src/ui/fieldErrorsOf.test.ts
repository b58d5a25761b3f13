import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/ApiError';
import { fieldErrorsOf } from './fieldErrorsOf';

const refused = new ApiError(422, {
  code: 'VALIDATION_FAILED',
  message: 'Check the form.',
  details: [
    { path: 'category', message: 'Choose a topic' },
    { path: 'contact.email', message: 'Enter an email' },
    { path: 'languages.0', message: 'Too long' },
    { path: 'languages.1', message: 'Also too long' },
  ],
});

describe('fieldErrorsOf', () => {
  it.each([
    ['first', { category: 'Choose a topic', contact: 'Enter an email', languages: 'Too long' }],
    ['last', { category: 'Choose a topic', email: 'Enter an email', 0: 'Too long', 1: 'Also too long' }],
  ] as const)('keys by the %s segment, the first message per field', (by, expected) => {
    expect(fieldErrorsOf(refused, by)).toEqual(expected);
  });

  it('is empty without an error or details', () => {
    expect(fieldErrorsOf(null)).toEqual({});
    expect(fieldErrorsOf(new ApiError(500, { code: 'INTERNAL', message: 'No.' }))).toEqual({});
  });
});
