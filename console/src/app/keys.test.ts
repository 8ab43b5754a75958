import { describe, expect, it } from 'vitest';
import { neighbour, typing } from './keys';

describe('moving between sessions', () => {
  const ids = ['od-a', 'od-b', 'od-c'];
  it('goes to the next and previous session in the dashboard order, wrapping round', () => {
    expect(neighbour(ids, 'od-a', 1)).toBe('od-b');
    expect(neighbour(ids, 'od-c', 1)).toBe('od-a');
    expect(neighbour(ids, 'od-a', -1)).toBe('od-c');
    expect(neighbour(ids, 'od-b', -1)).toBe('od-a');
  });
  it('starts at an end from elsewhere, and goes nowhere without sessions', () => {
    expect(neighbour(ids, null, 1)).toBe('od-a');
    expect(neighbour(ids, 'od-gone', -1)).toBe('od-c');
    expect(neighbour([], 'od-a', 1)).toBeNull();
  });
  it('leaves keys typed into fields alone', () => {
    expect(typing({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(typing({ tagName: 'A', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(typing(null)).toBe(false);
  });
});
