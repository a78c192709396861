import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI end-to-end tests spawn node; keep them within the 2-core CI budget.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
