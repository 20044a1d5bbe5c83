import { z } from 'zod';

/**
 * A file or folder the user picked in a native open dialog or dropped on the window: the app may read it
 * (and walk a folder). The Electron gate lets a call through only when every such argument was granted that
 * way, so page script alone cannot make the app read an arbitrary path.
 */
export const userPath = z.string().min(1).max(4096).meta({ userPath: 'read' });

/**
 * A file the app writes: only the exact path a save dialog returned is accepted, never a path inside a
 * granted folder. The core may write beside it only files of the same stem (`X.checkpoint.json`, a
 * temporary `X.xlsx.….tmp`), and the dialog says so.
 */
export const savePath = z.string().min(1).max(4096).meta({ userPath: 'save' });

interface UserPathArgument {
  path: string;
  save: boolean;
}

const kindOf = (schema: z.ZodType) => (schema.meta() as { userPath?: 'read' | 'save' } | undefined)?.userPath;

/** Every userPath and savePath value inside `value`, read along `schema` (objects, arrays, tuples, optionals, unions). */
export function collectUserPaths(schema: z.ZodType, value: unknown, out: UserPathArgument[] = []): UserPathArgument[] {
  if (value === undefined || value === null) return out;
  const kind = kindOf(schema);
  if (kind) {
    if (typeof value === 'string') out.push({ path: value, save: kind === 'save' });
    return out;
  }
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'object':
      for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) collectUserPaths(field, (value as Record<string, unknown>)[key], out);
      break;
    case 'array':
      if (Array.isArray(value)) for (const item of value) collectUserPaths(def.element as z.ZodType, item, out);
      break;
    case 'tuple':
      if (Array.isArray(value)) (def.items as z.ZodType[]).forEach((item, i) => collectUserPaths(item, value[i], out));
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      collectUserPaths(def.innerType as z.ZodType, value, out);
      break;
    case 'union':
      for (const option of def.options as z.ZodType[]) if (option.safeParse(value).success) collectUserPaths(option, value, out);
      break;
  }
  return out;
}
