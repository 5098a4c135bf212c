// Three tiers, one runner: unit tests beside the code, end-to-end tests in test/ against real
// PostgreSQL and NATS (each file gets its own NATS server and its own cloned database).
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2023',
      keepClassNames: true,
      // Aliases rewritten at transform time, so they also resolve in globalSetup (which
      // moduleNameMapper does not reach).
      baseUrl: __dirname,
      paths: {
        '@libs/contracts': ['libs/contracts/src'],
        '@libs/common': ['libs/common/src'],
        '@libs/testing': ['libs/testing/src'],
      },
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
