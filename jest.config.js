/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  // Each file is only transpiled (tsconfig.jest.json sets isolatedModules): `npm test` type-checks the
  // whole project once with tsc first, instead of ts-jest doing it again in every worker.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  testTimeout: 120000,
  // The CLI tests run the compiled command line; rebuild it when a source changed.
  globalSetup: '<rootDir>/test/helpers/build-cli.ts',
};
