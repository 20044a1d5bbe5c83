import { cliMessages as m } from '../../shared/messages/cli.ts';

/** A CLI command: returns the process exit code. Exit 2 is wrong usage. */
export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Each command lives in `commands/<name>.ts` and is loaded only when called, so `scan` never opens the database. */
const commandNames = ['scan', 'users', 'load', 'decide', 'submit', 'review', 'sign', 'audit', 'backup', 'redact', 'form', 'stamp', 'requests', 'inspect', 'bundle', 'report', 'publish', 'publications', 'link-interpretation', 'settings'];

async function loadCommand(name: string): Promise<Command | null> {
  if (!commandNames.includes(name)) return null;
  try {
    return ((await import(`./commands/${name}.ts`)) as { command: Command }).command;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(error).includes(`commands/${name}.ts`)) return null;
    throw error;
  }
}

async function printHelp(): Promise<void> {
  const lines = [m.usageHeader, ''];
  for (const name of commandNames) {
    const command = await loadCommand(name);
    if (command) lines.push(`  ${name.padEnd(19)} ${command.summary}`);
  }
  lines.push('', m.helpFooter);
  process.stdout.write(lines.join('\n') + '\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await printHelp();
    return name ? 0 : 2;
  }
  const command = await loadCommand(name);
  if (!command) {
    process.stderr.write(m.unknownCommand(name) + '\n');
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.summary}\n\n${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    const e = error as { code?: string; message?: string };
    process.stderr.write(m.failed(e.code ?? 'internal', e.message ?? String(error)) + '\n');
    return e.code === 'usage' ? 2 : 1;
  }
}
