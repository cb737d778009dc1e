// Builds the server once before its tests, so a test runs exactly what `npm run server` runs, and makes
// sure PostgreSQL and redis-server are there: `npm test` alone is enough, as CI's own setup is.
import { execFileSync } from 'node:child_process';

export default function buildServer(): void {
  execFileSync(process.execPath, ['scripts/build.mjs', 'server'], { stdio: 'inherit' });
  if (process.env['SAMTALERUM_TEST_PG']) return;
  // The script installs what is missing, starts the cluster and prints the URL the tests create their databases through.
  const url = execFileSync('bash', ['-c', 'source scripts/server-services.sh >&2 && printf %s "$SAMTALERUM_TEST_PG"'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  process.env['SAMTALERUM_TEST_PG'] = url;
}
