// The registry mirror here serves only the platform packages of this machine, so `npm install` writes a
// lock without the other platforms' optional binaries, and `npm ci` then refuses it. This adds their entries
// (optional, with os/cpu, so no platform fetches what it cannot use). Run after `npm install`:
//   node scripts/dev/lock-optional-platforms.cjs package-lock.json
const fs = require('node:fs');
const lock = JSON.parse(fs.readFileSync(process.argv[2]));
const pk = lock.packages;
const added = [];
for (const [_path, entry] of Object.entries(pk)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (!pk[key]) {
      const m = name.match(/(android|darwin|linux|win32|freebsd)-(arm64|x64|arm)(-musl)?/);
      const e = { version, dev: !!entry.dev, optional: true };
      if (m) {
        e.cpu = [m[2]];
        e.os = [m[1]];
        if (m[1] === 'linux') e.libc = [m[3] ? 'musl' : 'glibc'];
      }
      pk[key] = e;
      added.push(key);
    }
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pk).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
fs.writeFileSync(process.argv[2], `${JSON.stringify(lock, null, 2)}\n`);
console.log(added);
