/**
 * The SQL that must differ between SQLite and PostgreSQL, each difference in one place. Every other
 * query is written once in the form both engines read (`ON CONFLICT`, `RETURNING`, `CASE`). JSON is
 * stored as text in both: PostgreSQL casts it where a query looks inside.
 */
export interface Dialect {
  readonly engine: 'sqlite' | 'postgres';
  /** The elements of a JSON array held as text, as the rows of `alias`, column `value`, scalars as text. */
  jsonValues(json: string, alias: string): string;
  /** The elements of a JSON array held as text, as the rows of `alias`, column `value`, each still JSON. */
  jsonElements(json: string, alias: string): string;
  /** Several expressions as the rows of `alias`, column `value` (NULLs included). */
  rowsOf(expressions: readonly string[], alias: string): string;
  /** The text at `keys` inside a JSON object (NULL when absent). */
  jsonText(json: string, ...keys: string[]): string;
  /** A JSON object held as text without its member `key`. */
  jsonWithout(json: string, key: string): string;
  /** A JSON array held as text, each object element without its member `key` ('[]' when empty). */
  jsonArrayWithout(json: string, key: string): string;
  /** True when `needle` occurs in `text` (NULL when either is NULL), wildcards meaning themselves. */
  contains(text: string, needle: string): string;
  /** A floating-point column rounded to `digits` decimals. */
  round(column: string, digits: number): string;
  /** Case-insensitive order of a text column. */
  caseless(column: string): string;
  /** A planner hint for SQLite, where statistics are not gathered; PostgreSQL's planner has its own. */
  indexedBy(index: string): string;
  /** The value bound to LIMIT that means "no limit". */
  readonly noLimit: number | null;
}

export const SQLITE: Dialect = {
  engine: 'sqlite',
  jsonValues: (json, alias) => `json_each(${json}) AS ${alias}`,
  jsonElements: (json, alias) => `json_each(${json}) AS ${alias}`,
  rowsOf: (expressions, alias) => `json_each(json_array(${expressions.join(', ')})) AS ${alias}`,
  jsonText: (json, ...keys) => `json_extract(${json}, '$.${keys.join('.')}')`,
  jsonWithout: (json, key) => `json_remove(${json}, '$.${key}')`,
  jsonArrayWithout: (json, key) =>
    `(SELECT json_group_array(json_remove(value, '$.${key}')) FROM json_each(${json}))`,
  contains: (text, needle) => `instr(${text}, ${needle}) > 0`,
  round: (column, digits) => `ROUND(${column}, ${digits})`,
  caseless: (column) => `${column} COLLATE NOCASE`,
  indexedBy: (index) => `INDEXED BY ${index}`,
  noLimit: -1,
};

export const POSTGRES: Dialect = {
  engine: 'postgres',
  jsonValues: (json, alias) => `json_array_elements_text(${json}::json) AS ${alias}(value)`,
  jsonElements: (json, alias) => `json_array_elements(${json}::json) AS ${alias}(value)`,
  rowsOf: (expressions, alias) => `unnest(ARRAY[${expressions.join(', ')}]) AS ${alias}(value)`,
  jsonText: (json, ...keys) => `(${json}::json #>> '{${keys.join(',')}}')`,
  jsonWithout: (json, key) => `(${json}::jsonb - '${key}')::text`,
  jsonArrayWithout: (json, key) =>
    `COALESCE((SELECT json_agg(e.value::jsonb - '${key}')::text FROM json_array_elements(${json}::json) AS e(value)), '[]')`,
  contains: (text, needle) => `strpos(${text}, ${needle}) > 0`,
  round: (column, digits) => `round(${column}::numeric, ${digits})::double precision`,
  caseless: (column) => `lower(${column})`,
  indexedBy: () => '',
  noLimit: null,
};
