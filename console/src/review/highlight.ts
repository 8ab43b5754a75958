// A small syntax colouring for diff lines: strings, comments, numbers and keywords, by file
// extension. Line by line, so a block comment's inner lines are plain; enough to read a diff by,
// without shipping a full grammar engine to the browser. Pure.

export interface Span { cls: string; text: string }

const C_LIKE = 'break case catch class const continue default do else enum export extends final finally for function if implements import interface let new package private protected public return static super switch this throw try type var void while yield async await';
const KEYWORDS: Record<string, Set<string>> = {
  c: new Set(C_LIKE.split(' ')),
  py: new Set('and as assert async await break class continue def del elif else except finally for from global if import in is lambda None not or pass raise return True False try while with yield'.split(' ')),
  sh: new Set('if then else elif fi for in do done case esac while until function return export local'.split(' ')),
  rs: new Set('as async await break const continue crate else enum fn for if impl in let loop match mod move mut pub ref return self Self static struct trait type unsafe use where while'.split(' ')),
  go: new Set('break case chan const continue default defer else fallthrough for func go goto if import interface map package range return select struct switch type var'.split(' ')),
};
const BY_EXT: Record<string, keyof typeof KEYWORDS> = {
  ts: 'c', tsx: 'c', js: 'c', mjs: 'c', jsx: 'c', java: 'c', kt: 'c', c: 'c', h: 'c', cpp: 'c', cs: 'c', swift: 'c',
  py: 'py', sh: 'sh', bash: 'sh', rs: 'rs', go: 'go',
};

export function languageOf(path: string): keyof typeof KEYWORDS | null {
  const ext = path.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXT[ext] ?? null;
}

const HASH_COMMENT = new Set(['py', 'sh']);
const TOKEN = /("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?|`(?:[^`\\]|\\.)*`?)|(\/\/.*$|#.*$)|(\b\d[\d_.xXa-fA-F]*\b)|([A-Za-z_$][\w$]*)/g;

export function highlight(line: string, lang: keyof typeof KEYWORDS | null): Span[] {
  if (!lang) return [{ cls: '', text: line }];
  const words = KEYWORDS[lang];
  const spans: Span[] = [];
  let at = 0;
  const push = (cls: string, text: string) => {
    if (!text) return;
    const last = spans[spans.length - 1];
    if (last && last.cls === cls) last.text += text; else spans.push({ cls, text });
  };
  for (const m of line.matchAll(TOKEN)) {
    const [text, str, comment, num, word] = m;
    const start = m.index ?? 0;
    if (comment && (comment.startsWith('#') ? !HASH_COMMENT.has(lang) : HASH_COMMENT.has(lang))) {
      // '#' starts a comment only in Python and shell, '//' only in the others: here it is text.
      push('', line.slice(at, start + 1));
      at = start + 1;
      TOKEN.lastIndex = start + 1;
      continue;
    }
    push('', line.slice(at, start));
    push(str ? 'str' : comment ? 'com' : num ? 'num' : word && words.has(word) ? 'kw' : '', text);
    at = start + text.length;
    if (comment) break;
  }
  push('', line.slice(at));
  return spans;
}
