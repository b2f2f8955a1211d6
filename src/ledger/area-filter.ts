/**
 * "In this area or below it", the one SQL filter every query uses: `DIY/Bantul` matches `DIY/Bantul`
 * and `DIY/Bantul/Imogiri`, any case, and never `DIY/Bantulan`. An area name's own `%`, `_` or `\` are
 * escaped, so they match themselves rather than acting as LIKE wildcards.
 */
export function inAreaSql(column: string, param: string): string {
  return `(lower(${column}) = lower(CAST(${param} AS TEXT)) OR lower(${column}) LIKE lower(CAST(${param}_below AS TEXT)) ESCAPE '\\')`;
}

/** The LIKE pattern for everything below `area`, to bind as `<param>_below` beside the area itself. */
export const belowPattern = (area: string) => `${area.replace(/[\\%_]/g, '\\$&')}/%`;

/** Named parameters for `inAreaSql(column, '@' + name)`. */
export const areaParams = (name: string, area: string) => ({
  [name]: area,
  [`${name}_below`]: belowPattern(area),
});
