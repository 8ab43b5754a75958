import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { socket, type Frame } from '../ws/socket';
import { apply, fromPage, prependOlder, type ConversationPage, type ConversationState, type RowEntry } from '../conversation/store';

const PAGE = 200;

/**
 * The conversation of one session, exact after every reconnect: the newest page over REST, then
 * the conversation surface subscribed from that page's revision; frames go through the pure store
 * (conversation/store.ts), which says when only a refetch can bring the screen back to the server.
 */
export function useConversation(sessionId: string) {
  const [state, setState] = useState<ConversationState | null>(null);
  const [error, setError] = useState<unknown>(null);
  const ref = useRef<ConversationState | null>(null);
  const pending = useRef<Frame[] | null>(null);
  const set = (s: ConversationState) => {
    ref.current = s;
    setState(s);
  };

  useEffect(() => {
    let live = true;
    let unsub: (() => void) | null = null;
    ref.current = null;
    setState(null);

    const load = async () => {
      // Frames that arrive while the snapshot is in flight are kept and applied on top of it.
      pending.current = [];
      try {
        const page = await ok(api.GET('/api/sessions/{id}/conversation', {
          params: { path: { id: sessionId }, query: { limit: PAGE } as never },
        })) as unknown as ConversationPage;
        if (!live) return;
        let s = fromPage(page);
        let again = false;
        for (const f of pending.current ?? []) {
          const r = apply(s, f);
          s = r.state;
          again ||= r.refetch;
        }
        pending.current = null;
        set(s);
        setError(null);
        if (!unsub) {
          unsub = socket.subscribe(`conversation:${sessionId}`, () => ({
            type: 'subscribe_session_surface', session_id: sessionId, surface: 'conversation',
            since_revision: ref.current?.revision,
          }));
        }
        if (again) void load();
      } catch (e) {
        pending.current = null;
        if (live) setError(e);
      }
    };

    const off = socket.onFrame((f) => {
      if (pending.current) {
        pending.current.push(f);
        return;
      }
      const s = ref.current;
      if (!s) return;
      const r = apply(s, f);
      if (r.state !== s) set(r.state);
      if (r.refetch) void load();
    });
    void load();
    return () => {
      live = false;
      off();
      unsub?.();
    };
  }, [sessionId]);

  const loadOlder = async () => {
    const s = ref.current;
    if (!s || !s.hasMoreBefore || s.rows.length === 0) return;
    const older = await ok(api.GET('/api/sessions/{id}/conversation/messages', {
      params: { path: { id: sessionId }, query: { limit: PAGE, before_sequence: s.rows[0].sequence } as never },
    })) as unknown as { rows: RowEntry[]; has_more_before: boolean };
    if (ref.current) set(prependOlder(ref.current, older.rows, older.has_more_before));
  };

  return { state, error, loadOlder };
}
