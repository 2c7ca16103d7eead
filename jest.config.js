/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  testTimeout: 120000,
  // The CLI tests run the compiled command line; rebuild it when a source changed.
  globalSetup: '<rootDir>/test/helpers/build-cli.ts',
};
