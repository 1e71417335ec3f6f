import { describe, expect, it } from 'vitest';
import { checkMessage, MESSAGE_MAX, senderSide } from './thread';

describe('message thread rules', () => {
  it('refuses an empty or blank message', () => {
    expect(checkMessage('')).toBe('empty');
    expect(checkMessage('  \n ')).toBe('empty');
  });

  it('accepts up to 2000 characters once trimmed, and refuses more', () => {
    expect(checkMessage(`  ${'a'.repeat(MESSAGE_MAX)}  `)).toBeNull();
    expect(checkMessage('a'.repeat(MESSAGE_MAX + 1))).toBe('long');
    expect(checkMessage('Xin chào')).toBeNull();
  });

  it('names the side of a message from the reader’s point of view', () => {
    expect(senderSide({ mine: true, fromEmployer: true })).toBe('me');
    expect(senderSide({ mine: true, fromEmployer: false })).toBe('me');
    expect(senderSide({ mine: false, fromEmployer: true })).toBe('company');
    expect(senderSide({ mine: false, fromEmployer: false })).toBe('applicant');
  });
});
