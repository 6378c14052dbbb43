import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulator } from '../../emulator/index';
import { call, DEMO_AUTH } from './helpers';

// Server think time on session calls: a real cpsrvd starts a process per call (0.1–0.5 s).
const THINK_MS = 150;
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ address: '127.0.0.237', sessionThinkMs: THINK_MS });
});

afterAll(async () => {
  await emu?.close();
});

/** When the emulator received the request, and when its answer arrived here. */
async function timed(path: string): Promise<{ received: number; answered: number; status: number }> {
  const from = emu.requests.length;
  const reply = await call(emu, emu.ports.cpanel, path, { headers: { Authorization: DEMO_AUTH } });
  const received = emu.requests[from]?.at ?? Number.NaN;
  return { received, answered: Date.now(), status: reply.status };
}

describe('emulator session think time', () => {
  it('holds a session-creating call for the think time, and other calls not', async () => {
    const session = await timed('/execute/Session/create_webmail_session_for_self');
    expect(session.status).toBe(200);
    expect(session.answered - session.received).toBeGreaterThanOrEqual(THINK_MS);
    emu.setSessionThinkMs(0);
    const list = await timed('/execute/Session/create_webmail_session_for_self');
    expect(list.status).toBe(200);
    emu.setSessionThinkMs(10_000);
    // A listing is no session call: answered without waiting ten seconds.
    const pops = await timed('/execute/Email/list_pops');
    expect(pops.status).toBe(200);
    emu.setSessionThinkMs(0);
  });
});
