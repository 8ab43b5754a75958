import { useEffect, useLayoutEffect, useReducer, useRef, useState } from 'preact/hooks';
import { Virtualizer, elementScroll, measureElement, observeElementOffset, observeElementRect, type VirtualizerOptions } from '@tanstack/virtual-core';
import type { RowEntry } from '../conversation/store';
import { api, ok } from '../api/client';
import { ErrorNote } from '../app/ErrorNote';
import { DiffLines, type DiffLine } from '../review/DiffLines';

/**
 * The rows, virtualized: only what is on screen (plus a margin) is in the page, so a 10,000-row
 * session scrolls as smoothly as a short one. It follows the newest row while the reader is at the
 * bottom, and stays put when they scrolled up to read.
 */
export function Conversation({ sessionId, rows, hasMoreBefore, onLoadOlder }: {
  sessionId: string; rows: RowEntry[]; hasMoreBefore: boolean; onLoadOlder: () => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const atBottom = useRef(true);
  const options = (): VirtualizerOptions<HTMLDivElement, Element> => ({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
    getItemKey: (i) => rows[i]?.row.id ?? i,
    overscan: 6,
    scrollToFn: elementScroll,
    observeElementRect,
    observeElementOffset,
    measureElement,
    onChange: () => rerender(0),
  });
  const [v] = useState(() => new Virtualizer(options()));
  v.setOptions(options());
  useLayoutEffect(() => v._didMount(), []);
  useLayoutEffect(() => {
    v._willUpdate();
  });
  useEffect(() => {
    if (atBottom.current && rows.length > 0) v.scrollToIndex(rows.length - 1, { align: 'end' });
  }, [rows.length, rows[rows.length - 1]?.row]);

  const onScroll = () => {
    const el = scroller.current!;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
    if (el.scrollTop < 200 && hasMoreBefore) onLoadOlder();
  };

  return (
    <div class="conversation" ref={scroller} onScroll={onScroll} role="log" aria-label="Conversation" aria-live="polite"
      data-row-count={rows.length}>
      <div style={{ height: `${v.getTotalSize()}px`, position: 'relative', width: '100%' }}>
        {v.getVirtualItems().map((item) => {
          const e = rows[item.index];
          return (
            <div key={item.key} data-index={item.index} ref={(el) => { if (el) v.measureElement(el); }}
              class="vrow" style={{ transform: `translateY(${item.start}px)` }}>
              <RowView sessionId={sessionId} entry={e} />
            </div>
          );
        })}
      </div>
    </div>
  );
}

interface Content {
  input_display?: string | null;
  output_display?: string | null;
  diff_display?: DiffLine[] | null;
}

function RowView({ sessionId, entry }: { sessionId: string; entry: RowEntry }) {
  const r = entry.row;
  const [open, setOpen] = useState(false);
  const [content, setContent] = useState<Content | null>(null);
  const [error, setError] = useState<unknown>(null);
  const undone = entry.turn_status !== 'active';
  const toggle = async () => {
    setOpen(!open);
    if (!content && !open) {
      try {
        setContent(await ok(api.GET('/api/sessions/{id}/conversation/rows/{row_id}/content', {
          params: { path: { id: sessionId, row_id: r.id } },
        })) as Content);
      } catch (e) {
        setError(e);
      }
    }
  };
  const text = r.content ?? '';
  if (r.row_type === 'tool' || r.row_type === 'command_execution' || r.row_type === 'shell_command') {
    return (
      <article class={`msg tool status-${r.status ?? ''}${undone ? ' undone' : ''}`} data-row-id={r.id} data-row-type={r.row_type}
        data-status={r.status ?? ''}>
        <button type="button" class="tool-head" aria-expanded={open} onClick={toggle}>
          <span class="tag">{r.family ?? r.row_type}</span>
          <span class="tool-title">{r.title ?? text}</span>
          {r.subtitle && <span class="tool-sub">{r.subtitle}</span>}
          <span class={`badge badge-${r.status}`}>{r.status}</span>
        </button>
        {open && (
          <div class="tool-body">
            <ErrorNote error={error} />
            {content?.diff_display?.length ? <DiffLines lines={content.diff_display} /> : null}
            {content?.input_display && <pre class="io">{content.input_display}</pre>}
            {content?.output_display && <pre class="io out">{content.output_display}</pre>}
            {content && !content.input_display && !content.output_display && !content.diff_display?.length && <p>No content.</p>}
          </div>
        )}
      </article>
    );
  }
  return (
    <article class={`msg msg-${r.row_type}${undone ? ' undone' : ''}`} data-row-id={r.id} data-row-type={r.row_type}>
      <span class="who">{who(r.row_type)}</span>
      <div class="text">{text}{r.is_streaming ? <span class="caret" aria-label="streaming">▍</span> : null}</div>
    </article>
  );
}

function who(type: string): string {
  switch (type) {
    case 'user': return 'You';
    case 'steer': return 'You (steer)';
    case 'assistant': return 'Agent';
    case 'thinking': return 'Thinking';
    default: return type;
  }
}
