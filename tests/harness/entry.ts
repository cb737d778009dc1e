/**
 * The harness's entry (dist/harness/server.cjs): it lets Node keep the compiled harness between
 * starts, then runs it (server.ts, built as service.cjs). The harness bundles the whole service
 * layer, megabytes of code, and compiling it was the largest part of its start; a test starts it
 * anew each time, and nothing of the archive or the answers is in what is kept.
 */
import { enableCompileCache } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

enableCompileCache(join(tmpdir(), 'samtalerum-harness-compiled'));
// A require, not an import: it must run after the cache is on, and stay a file of its own.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./service.cjs');
