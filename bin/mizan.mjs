#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx, so the command is always the
// code in src/ with no build step.
import { register } from 'tsx/esm/api';

register();
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0); // e.g. `mizan run … | head`
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
