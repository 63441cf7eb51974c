// Jest configuration of the reliability suite (`npm run test:reliability`): faults, crashes,
// concurrency on a PostgreSQL backend, bad credentials and hostile API answers for the provisioner
// flavour (01-05), the same for the provider flavour plus its process killed mid-apply (11-15), and
// a final secret scan.
// Files run one at a time in name order (the secret scan reads what the others left behind).
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

// One directory per run where every suite leaves its synthesized files, states, journals and logs.
process.env.IMCO_RELIABILITY_RUN ??= mkdtempSync(join(tmpdir(), 'imco-reliability-'));

/** @type {import('jest').Config} */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test/reliability'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFiles: ['<rootDir>/test/support/identity-env.ts'],
  globalTeardown: '<rootDir>/test/reliability/support/global-teardown.ts',
  testSequencer: '<rootDir>/test/reliability/support/sequencer.js',
  maxWorkers: 1,
  testTimeout: 600000,
};
