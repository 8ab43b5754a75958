import { useState } from 'preact/hooks';

/**
 * One user action at a time against the server: busy while it runs (buttons disable), its error
 * kept for an ErrorNote, and then() called after a success so the screen re-reads what changed.
 */
export function useAction(then: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      then();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}
