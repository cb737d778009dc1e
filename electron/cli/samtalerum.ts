// The Samtalerum CLI (`npx samtalerum <kommando>`): the app's own services over the same SQLite archive,
// under plain Node. It must never import 'electron'. Built to dist/cli/samtalerum.cjs by scripts/build.mjs.
import { main } from './main';

// The services log unexpected errors with their stack; the CLI prints one Danish line instead, unless
// SAMTALERUM_DEBUG asks for the details.
if (!process.env['SAMTALERUM_DEBUG']) console.error = () => {};

// `samtalerum list-meetings | head -1` closes the pipe early; that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: process.stderr,
}).then((code) => {
  process.exitCode = code;
});
