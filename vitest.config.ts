import { defineConfig } from 'vitest/config';

// Two groups: fast unit tests, and integration suites that need a real component
// (Apertium, PostgreSQL, Chromium, loopback servers end to end). CI runs both. eval/ holds the quality
// gates and their metrics, split the same way.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'eval/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: ['src/**/*.integration.test.ts', 'eval/**/*.integration.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.integration.test.ts', 'eval/**/*.integration.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
