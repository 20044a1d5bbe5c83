#!/usr/bin/env node
// Plain JS launcher: checks the Node version before loading TypeScript sources that Node runs by type stripping.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`disclosure-desk 需要 Node.js 22.18 或更高版本（当前 ${process.versions.node}）。\n`);
  process.exit(2);
}
// A reader that stops early (`… | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
