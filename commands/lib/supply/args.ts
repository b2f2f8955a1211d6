import { z } from 'zod';

/**
 * `R-12 the rest` → `{ target: 'R-12', rest: 'the rest' }`: the argument shape of the commands that
 * act on one record (/verify, /close, /reject, /assign, /dup). A reference may be typed `R-12`, `r12`, `R 12`.
 */
export const RefArgs = z
  .string()
  .trim()
  .regex(/^[A-Za-z]\s*-?\s*\d+(?:\s|$)/)
  .transform((s) => {
    const m = /^([A-Za-z]\s*-?\s*\d+)\s*([\s\S]*)$/.exec(s)!;
    return { target: m[1]!, rest: m[2]!.trim().slice(0, 500) };
  });
export type RefArgs = z.infer<typeof RefArgs>;

/** The reference a text starts with (`R-12 as discussed` → `R-12`), or the text itself to be refused. */
export const leadingRef = (text: string) => {
  const parsed = RefArgs.safeParse(text);
  return parsed.success ? parsed.data.target : text;
};
