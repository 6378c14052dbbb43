// `npx tsx test/emulator/cli.ts [--address 127.0.0.2] [--hostname X] [--public-host X]`: runs the demo
// emulator, prints one JSON line {address, ports, spki} and stays up until SIGINT/SIGTERM.
import { parseArgs } from 'node:util';
import { startEmulator } from './index';

const { values } = parseArgs({
  options: {
    address: { type: 'string' },
    hostname: { type: 'string' },
    'public-host': { type: 'string' },
  },
});

const emulator = await startEmulator({
  address: values.address,
  hostname: values.hostname ?? null,
  publicHost: values['public-host'],
});
process.stdout.write(
  `${JSON.stringify({ address: emulator.address, ports: emulator.ports, spki: emulator.spki })}\n`,
);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  emulator.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
