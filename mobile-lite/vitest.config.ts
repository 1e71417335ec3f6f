import { defineConfig } from 'vitest/config';

// Unit tests run in plain Node: they test data, pure functions and build scripts, not the DOM.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
