// Builds the server once before its tests, so a test runs exactly what `npm run server` runs.
import { execFileSync } from 'node:child_process';

export default function buildServer(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', 'server'], { stdio: 'inherit' });
}
