/**
 * Loopback addresses the emulator binds to in tests, `npm start` and benchmarks: one per test file, so
 * files never share ports. The test build of the extension is granted exactly these origins.
 */
export const EMULATOR_HOSTS = Array.from({ length: 40 }, (_, i) => `127.0.0.${10 + i}`);
