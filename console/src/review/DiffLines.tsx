export interface DiffLine {
  type: string;
  line: string;
  line_number?: number | null;
}

/** A diff as the server's typed lines (header, hunk, context, added, removed, note). */
export function DiffLines({ lines }: { lines: DiffLine[] }) {
  return (
    <pre class="diff" role="table" aria-label="Diff">
      {lines.map((l) => (
        <div class={`dl dl-${l.type}`} role="row">
          <span class="ln" aria-hidden="true">{l.line_number ?? ''}</span>
          <span class="lt" role="cell">{l.line}</span>
        </div>
      ))}
    </pre>
  );
}
