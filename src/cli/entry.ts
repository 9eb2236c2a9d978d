// The process entry of `mizan`: runs main() on the command's arguments and sets the exit code.
// bin/mizan.mjs loads it, built (out/cli/mizan.mjs) or from the sources (see scripts/cli-bundle.mjs).
import { main } from './main';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0); // e.g. `mizan run … | head`
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
