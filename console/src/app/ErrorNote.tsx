import { describe } from '../api/errors';

/** An error in words, with what to do; never silent. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const d = describe(error);
  return (
    <div class="error" role="alert">
      <strong>{d.title}</strong>
      <span>{d.advice}</span>
      {onRetry && <button type="button" onClick={onRetry}>Try again</button>}
    </div>
  );
}
