import { useEffect, useRef } from 'preact/hooks';
import { activeSessions } from '../dashboard/active';

/**
 * The page title carries how many sessions wait for a person, and a browser notification says so
 * when the number grows (once the user allowed notifications).
 */
export function useAttention(): number {
  const data = activeSessions.use();
  const n = data?.counts?.attention ?? 0;
  const last = useRef(0);
  useEffect(() => {
    document.title = n > 0 ? `(${n}) Flightdeck — needs you` : 'Flightdeck';
    if (n > last.current && typeof Notification !== 'undefined' && Notification.permission === 'granted'
        && document.visibilityState !== 'visible') {
      const waiting = (data?.conversations ?? []).filter((c) => c.work_status === 'permission' || c.work_status === 'question');
      const first = waiting[0];
      new Notification('An agent needs you', {
        body: first ? `${first.display_title ?? first.project_name}: ${first.context_line ?? 'waiting for approval'}` : `${n} session(s) wait for you`,
        tag: 'flightdeck-attention',
      });
    }
    last.current = n;
  }, [n]);
  return n;
}
