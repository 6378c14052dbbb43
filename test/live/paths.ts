// Where the live run keeps its build and reports, shared by the runner, the configs and the tests.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const LIVE_BUILD = fileURLToPath(new URL('../../dist/chrome-live', import.meta.url));
