import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/config.ts';

function sources(dir: string): string[] {
  return readdirSync(path.join(PROJECT_ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

describe('doc comments', () => {
  // A doc comment followed by another documents nothing: it was meant for what the second one now sits on.
  it('each sit on the declaration they describe, never stacked on another doc comment', () => {
    const stacked = [...sources('src'), ...sources('commands')].flatMap((file) =>
      /\*\/[ \t]*\n[ \t]*\/\*\*/.test(readFileSync(file, 'utf8')) ? [path.relative(PROJECT_ROOT, file)] : [],
    );
    expect(stacked).toEqual([]);
  });
});
