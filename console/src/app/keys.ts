/**
 * Arrow keys (and j/k) move between the cards of a list, whose links carry data-index; Enter
 * opens the focused one as any link does.
 */
export function useListKeys(count: number) {
  return (e: KeyboardEvent) => {
    const t = e.target as HTMLElement;
    const i = Number(t.dataset?.index ?? -1);
    if (i < 0 || count === 0) return;
    let next = -1;
    if (e.key === 'ArrowDown' || e.key === 'j') next = Math.min(count - 1, i + 1);
    if (e.key === 'ArrowUp' || e.key === 'k') next = Math.max(0, i - 1);
    if (next < 0) return;
    e.preventDefault();
    (document.querySelector(`[data-index="${next}"]`) as HTMLElement | null)?.focus();
  };
}

/**
 * Where "]" (next) and "[" (previous) go from the session on screen, in the dashboard's order,
 * wrapping round; from a page that is no session's, "]" opens the first and "[" the last.
 */
export function neighbour(ids: string[], current: string | null, step: 1 | -1): string | null {
  if (ids.length === 0) return null;
  const at = current == null ? -1 : ids.indexOf(current);
  if (at < 0) return step === 1 ? ids[0] : ids[ids.length - 1];
  return ids[(at + step + ids.length) % ids.length];
}

/** Keys typed into a field are the field's, never a shortcut. */
export function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName);
}
