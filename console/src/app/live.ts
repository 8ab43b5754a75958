import { useEffect, useRef, useState } from 'preact/hooks';
import { socket, type Frame } from '../ws/socket';

export interface Live<T> {
  data: T | null;
  error: unknown;
  reload: () => void;
}

/**
 * A REST snapshot kept current by one socket subscription: it is fetched, the subscription is sent
 * with the snapshot's revision as since_revision, and it is fetched again whenever an invalidation
 * above the revision held arrives. After a reconnect the subscription goes out again with the
 * revision then held, so the server says whether anything was missed.
 */
export function useLive<T extends { revision?: number }>(
  key: string | null,
  fetch: () => Promise<T>,
  subscribe: ((since: number | undefined) => Frame) | null,
  invalidates: (f: Frame) => boolean,
): Live<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const held = useRef<number | undefined>(undefined);
  const loading = useRef<Promise<void> | null>(null);
  const again = useRef(false);
  const unsub = useRef<(() => void) | null>(null);

  const load = () => {
    if (loading.current) {
      again.current = true;
      return;
    }
    loading.current = fetch()
      .then((d) => {
        held.current = d.revision;
        setData(d);
        setError(null);
        // Subscribed once the first snapshot is held, so the server replays from its revision.
        if (subscribe && key != null && !unsub.current) {
          unsub.current = socket.subscribe(key, () => subscribe(held.current));
        }
      })
      .catch((e) => setError(e))
      .finally(() => {
        loading.current = null;
        if (again.current) {
          again.current = false;
          load();
        }
      });
  };

  useEffect(() => {
    if (key == null) return;
    held.current = undefined;
    setData(null);
    load();
    const off = socket.onFrame((f) => {
      if (!invalidates(f)) return;
      const r = typeof f.revision === 'number' ? f.revision : undefined;
      if (r === undefined || r === 0 || held.current === undefined || r > held.current) load();
    });
    return () => {
      off();
      unsub.current?.();
      unsub.current = null;
    };
  }, [key]);

  return { data, error, reload: load };
}
