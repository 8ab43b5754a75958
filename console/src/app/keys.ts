/**
 * Arrow keys (and j/k) move between the cards of a list, whose links carry data-index; Enter
 * opens the focused one as any link does.
 */
export function useListKeys(count: number, _open: (i: number) => void) {
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
