import { defineConfig } from 'vitest/config';

// Unit and integration tests (Node). End-to-end tests live in tests/e2e and run under Playwright.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: native add-ons (pcsclite, onnxruntime) and pcscd do not like many forks at once.
    maxWorkers: 2,
  },
});
