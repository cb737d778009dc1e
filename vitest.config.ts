import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          // The sync server's tests run the built server as child processes, PostgreSQL and Redis included.
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          globalSetup: ['tests/server/buildServer.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
