// `npm run test:live`: the end-to-end flows against the real server named by LIVE_* variables (see
// test/live/env.ts, or run it with none set for the list). Exits 0 with nothing named, saying nothing ran.
import { runLive } from '../test/live/runner';

process.exit(await runLive(process.env, { report: 'artifacts/test-results/live.json', label: 'Live' }));
