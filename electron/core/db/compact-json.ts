// A list of similar flat objects (paragraphs, findings) stored as text without repeating every key and every
// recurring string: a 10 MB text has tens of thousands of findings that share a few dozen explanations, and
// plain JSON made its row 2.4 times the text. Rows written before this are JSON arrays and still read.

interface Table {
  /** Each distinct key list, in the order the objects had them. */
  keys: string[][];
  /** Each distinct string, array or object value, as JSON text. */
  values: string[];
  /** Per object: its key list's index, then per key a number, boolean or null as is, or a value's index as a string. */
  rows: (number | string | boolean | null)[][];
}

/** The objects as a table; values that are numbers, booleans or null stay in place. */
export function packObjects(objects: readonly object[]): string {
  const keyIndex = new Map<string, number>();
  const valueIndex = new Map<string, number>();
  const table: Table = { keys: [], values: [], rows: [] };
  for (const object of objects) {
    const entries = Object.entries(object).filter(([, v]) => v !== undefined);
    const keyList = entries.map(([k]) => k);
    const keyId = JSON.stringify(keyList);
    let k = keyIndex.get(keyId);
    if (k === undefined) {
      k = table.keys.push(keyList) - 1;
      keyIndex.set(keyId, k);
    }
    const row: Table['rows'][number] = [k];
    for (const [, value] of entries) {
      if (value === null || typeof value === 'number' || typeof value === 'boolean') {
        row.push(value as number | boolean | null);
        continue;
      }
      const json = JSON.stringify(value);
      let v = valueIndex.get(json);
      if (v === undefined) {
        v = table.values.push(json) - 1;
        valueIndex.set(json, v);
      }
      row.push(String(v));
    }
    table.rows.push(row);
  }
  return JSON.stringify(table);
}

/** The objects back from packObjects, or from a plain JSON array as older rows hold them. */
export function unpackObjects<T>(stored: string): T[] {
  const parsed = JSON.parse(stored) as T[] | Table;
  if (Array.isArray(parsed)) return parsed;
  // Strings are shared; arrays and objects are parsed per use, so no two findings share a mutable value.
  const values = parsed.values.map((json) => (json.startsWith('"') ? (JSON.parse(json) as string) : null));
  return parsed.rows.map((row) => {
    const keyList = parsed.keys[row[0] as number]!;
    const object: Record<string, unknown> = {};
    keyList.forEach((key, i) => {
      const cell = row[i + 1]!;
      if (typeof cell !== 'string') object[key] = cell;
      else {
        const v = Number(cell);
        object[key] = values[v] ?? JSON.parse(parsed.values[v]!);
      }
    });
    return object as T;
  });
}
