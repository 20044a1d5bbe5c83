export interface WhereClause {
  /** `WHERE a AND b …`, or empty when there is no condition. */
  sql: string;
  params: Record<string, unknown>;
}

type And = (condition: string, params?: Record<string, unknown>) => void;

/**
 * A filter's WHERE clause from the conditions `build` adds; each condition names its @parameters and
 * passes their values, so values are always bound and never written into the SQL text.
 */
export function where(build: (and: And) => void): WhereClause {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  build((condition, values) => {
    parts.push(condition);
    Object.assign(params, values);
  });
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}
