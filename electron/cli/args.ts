import { CoreError } from '../core/errors.ts';
import { recordsCliMessages as m } from '../../shared/messages/records.ts';

interface ArgSpec {
  /** Options taking one value (`--as wang` or `--as=wang`); the last one given wins. */
  values?: readonly string[];
  /** Options taking a value that may be repeated (`--basis A --basis B`). */
  lists?: readonly string[];
  /** Options without a value. */
  flags?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | undefined>;
  lists: Record<string, string[]>;
  flags: Record<string, boolean>;
}

/** A wrong invocation: the dispatcher prints it with exit code 2. */
export function usageError(message: string, usage?: string): CoreError {
  return new CoreError('usage', usage ? `${message}\n\n${usage}` : message);
}

/** Strict option parsing: an unknown option or a missing value is a usage error, never silently ignored. */
export function parseArgs(argv: readonly string[], spec: ArgSpec, usage?: string): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: {}, lists: {}, flags: {} };
  for (const name of spec.lists ?? []) parsed.lists[name] = [];
  for (const name of spec.flags ?? []) parsed.flags[name] = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      parsed.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    if (spec.flags?.includes(name)) {
      if (inline !== undefined) throw usageError(m.flagTakesNoValue(arg), usage);
      parsed.flags[name] = true;
      continue;
    }
    const isValue = spec.values?.includes(name);
    if (!isValue && !spec.lists?.includes(name)) throw usageError(m.unknownOption(arg), usage);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) throw usageError(m.missingValue(`--${name}`), usage);
    if (isValue) parsed.values[name] = value;
    else parsed.lists[name]!.push(value);
  }
  return parsed;
}

/** A required option's value, or a usage error naming it. */
export function required(args: ParsedArgs, name: string, usage?: string): string {
  const value = args.values[name];
  if (value === undefined || value === '') throw usageError(m.missingOption(`--${name}`), usage);
  return value;
}

export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function positiveInt(value: string, name: string, usage?: string): number {
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw usageError(m.notANumber(name, value), usage);
  return Number(value);
}
