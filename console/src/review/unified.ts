// Unified diff text (git's) split into files and numbered lines, so a comment can name the file
// and the line it is on. Pure.

export type LineKind = 'hunk' | 'add' | 'del' | 'ctx' | 'note';

export interface DiffRow {
  kind: LineKind;
  text: string;
  /** The line number in the old file (del, ctx) and the new one (add, ctx). */
  oldNo?: number;
  newNo?: number;
}

export interface FileDiff {
  path: string;
  rows: DiffRow[];
  added: number;
  removed: number;
}

const HUNK = /^@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@/;

export function parseUnified(text: string | null | undefined): FileDiff[] {
  if (!text) return [];
  const files: FileDiff[] = [];
  let file: FileDiff | null = null;
  let oldNo = 0;
  let newNo = 0;
  let inHunk = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      // "diff --git a/x b/x": the b side is the file as it is now (a rename's new name).
      const m = / b\/(.*)$/.exec(line);
      file = { path: m ? m[1] : line.slice(11), rows: [], added: 0, removed: 0 };
      files.push(file);
      inHunk = false;
      continue;
    }
    if (!file) continue;
    if (!inHunk && line.startsWith('+++ ')) {
      const p = line.slice(4);
      if (p !== '/dev/null') file.path = p.replace(/^b\//, '');
      continue;
    }
    const h = HUNK.exec(line);
    if (h) {
      oldNo = Number(h[1]);
      newNo = Number(h[2]);
      inHunk = true;
      file.rows.push({ kind: 'hunk', text: line });
      continue;
    }
    if (!inHunk) continue;
    if (line.startsWith('+')) {
      file.rows.push({ kind: 'add', text: line.slice(1), newNo: newNo++ });
      file.added++;
    } else if (line.startsWith('-')) {
      file.rows.push({ kind: 'del', text: line.slice(1), oldNo: oldNo++ });
      file.removed++;
    } else if (line.startsWith(' ')) {
      file.rows.push({ kind: 'ctx', text: line.slice(1), oldNo: oldNo++, newNo: newNo++ });
    } else if (line.startsWith('\\')) {
      file.rows.push({ kind: 'note', text: line });
    }
  }
  return files;
}

/** The line a comment on this row is about: the new file's line, or the old one for a removal. */
export function commentLine(row: DiffRow): number | undefined {
  return row.newNo ?? row.oldNo;
}
