import { describe, expect, it } from 'vitest';
import { commentLine, parseUnified } from './unified';
import { highlight, languageOf } from './highlight';

const DIFF = [
  'diff --git a/README.md b/README.md',
  'index 1111111..2222222 100644',
  '--- a/README.md',
  '+++ b/README.md',
  '@@ -1,3 +1,3 @@',
  ' hello',
  '-world',
  '+brave new world',
  ' end',
  'diff --git a/new.ts b/new.ts',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/new.ts',
  '@@ -0,0 +1,2 @@',
  '+const a = 1;',
  '+// done',
  '\\ No newline at end of file',
  '',
].join('\n');

describe('unified diff', () => {
  it('splits files and numbers each side', () => {
    const files = parseUnified(DIFF);
    expect(files.map((f) => [f.path, f.added, f.removed])).toEqual([['README.md', 1, 1], ['new.ts', 2, 0]]);
    const rows = files[0].rows;
    expect(rows.map((r) => r.kind)).toEqual(['hunk', 'ctx', 'del', 'add', 'ctx']);
    expect(rows[2]).toMatchObject({ text: 'world', oldNo: 2 });
    expect(rows[3]).toMatchObject({ text: 'brave new world', newNo: 2 });
    expect(rows[4]).toMatchObject({ oldNo: 3, newNo: 3 });
    expect(commentLine(rows[3])).toBe(2);
    expect(commentLine(rows[2])).toBe(2);
    expect(files[1].rows.at(-1)?.kind).toBe('note');
  });

  it('is empty for no diff', () => {
    expect(parseUnified(null)).toEqual([]);
    expect(parseUnified('')).toEqual([]);
  });
});

describe('highlight', () => {
  it('colours keywords, strings, numbers and a trailing comment', () => {
    const spans = highlight('const s = "x // y"; // note', languageOf('a.ts'));
    expect(spans).toEqual([
      { cls: 'kw', text: 'const' }, { cls: '', text: ' s = ' }, { cls: 'str', text: '"x // y"' },
      { cls: '', text: '; ' }, { cls: 'com', text: '// note' },
    ]);
    expect(spans.map((s) => s.text).join('')).toBe('const s = "x // y"; // note');
  });

  it('knows # comments only where they are comments', () => {
    expect(highlight('x = 1  # one', 'py').at(-1)).toEqual({ cls: 'com', text: '# one' });
    expect(highlight('a // b', 'py').map((s) => s.cls)).not.toContain('com');
    expect(highlight('#include <x>', 'c').map((s) => s.text).join('')).toBe('#include <x>');
  });

  it('leaves unknown languages plain', () => {
    expect(highlight('if (x) {}', languageOf('notes.txt'))).toEqual([{ cls: '', text: 'if (x) {}' }]);
  });
});
