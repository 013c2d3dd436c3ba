import { describe, it, expect } from 'vitest';
import { loadConfig } from '../../config.js';
import { fetchOptionsFromConfig } from './options.js';

describe('fetchOptionsFromConfig', () => {
  it('maps the configuration onto fetch options, with the contact URL in the User-Agent', () => {
    const config = loadConfig(
      { HAPPENINGS_CONFIG: undefined },
      {
        contactUrl: 'https://news.example/about',
        fetchDelayMs: 1234,
        fetchTimeoutMs: 999,
        maxBodyBytes: 2048,
        maxRedirects: 4,
        allowPrivateHosts: ['127.0.0.1/8'],
      },
    );
    expect(fetchOptionsFromConfig(config)).toMatchObject({
      userAgent: 'Happenings/0.1 (+https://news.example/about)',
      minDelayMs: 1234,
      timeoutMs: 999,
      maxBodyBytes: 2048,
      maxRedirects: 4,
      allowPrivate: ['127.0.0.1/8'],
      respectRobots: true,
    });
  });
});
