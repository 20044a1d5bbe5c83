import { z } from 'zod';

/**
 * A file or folder the user picked in a native dialog or dropped on the window. The Electron gate lets a
 * call through only when every such argument was granted that way, so page script alone cannot make the
 * app read or write an arbitrary path.
 */
export const userPath = z.string().min(1).max(4096).meta({ userPath: true });

const isUserPath = (schema: z.ZodType) => (schema.meta() as { userPath?: boolean } | undefined)?.userPath === true;

/** Every userPath value inside `value`, read along `schema` (objects, arrays, tuples, optionals, unions). */
export function collectUserPaths(schema: z.ZodType, value: unknown, out: string[] = []): string[] {
  if (value === undefined || value === null) return out;
  if (isUserPath(schema)) {
    if (typeof value === 'string') out.push(value);
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
