import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Vitest's default (one fewer than the cores) runs the files one at a time on a 2-core machine, and most of
    // the suite waits on servers, browsers and databases rather than computing: two at a time there took the
    // suite from about 600 s to about 420 s with every test passing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
