// Small SQL helpers shared by the clinic modules. Timestamps leave the database as ISO 8601 UTC text
// (PGlite and pg decode timestamptz differently), and JSON as text that we parse ourselves.

/** `col` as '2026-03-02T10:00:00.000Z'. */
export function iso(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** An interval of $n milliseconds (the parameter is a number). */
export function millis(param: string): string {
  return `(${param}::float8 * interval '1 millisecond')`;
}
