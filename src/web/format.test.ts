import { describe, expect, it } from 'vitest';
import { formatDate, timeTag } from './format.js';

describe('dates', () => {
  it('formats in the site language, in UTC', () => {
    expect(formatDate('2024-05-01T23:30:00-05:00', 'en')).toBe('May 2, 2024');
    expect(formatDate('2024-05-01T10:00:00Z', 'es')).toBe('1 de mayo de 2024');
  });

  it('falls back to an ISO date for an unusable language tag', () => {
    expect(formatDate('2024-05-01T10:00:00Z', 'not a tag!')).toBe('2024-05-01');
  });

  it('renders <time datetime> in ISO 8601, and nothing for a missing or broken date', () => {
    expect(timeTag('2024-05-01T10:00:00+02:00', 'en').value).toBe(
      '<time datetime="2024-05-01T08:00:00.000Z">May 1, 2024</time>',
    );
    expect(timeTag(null, 'en').value).toBe('');
    expect(timeTag('yesterday', 'en').value).toBe('');
  });
});
