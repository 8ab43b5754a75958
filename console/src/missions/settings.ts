/** MISSION.md's front matter as the server reads it, flattened to dotted keys for a definition list. */
export function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return [[prefix, value.length ? value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', ') : '(none)']];
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return prefix ? [[prefix, '(none)']] : [];
    return entries.flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, String(value)]];
}

/** The fields the console edits, each a flat field of PUT …/settings and where the server reads it. */
export const EDITABLE = [
  { field: 'max_concurrent', path: 'provider.max_concurrent', label: 'Agents at once' },
  { field: 'poll_interval', path: 'trigger.interval', label: 'Poll every (s)' },
  { field: 'max_retries', path: 'orchestration.max_retries', label: 'Retries' },
  { field: 'stall_timeout', path: 'orchestration.stall_timeout', label: 'Stall timeout (s, 0 = off)' },
] as const;

/**
 * The settings body for the values a person changed: only fields whose text differs from what the
 * server holds, as numbers; a field left empty or not a whole number ≥ 0 is an error, not a zero.
 */
export function settingsPatch(current: Record<string, string>, edited: Record<string, string>): { body: Record<string, number>; invalid: string[] } {
  const body: Record<string, number> = {};
  const invalid: string[] = [];
  for (const { field } of EDITABLE) {
    const text = (edited[field] ?? '').trim();
    if (text === (current[field] ?? '').trim()) continue;
    if (!/^\d+$/.test(text)) {
      invalid.push(field);
      continue;
    }
    body[field] = Number(text);
  }
  return { body, invalid };
}
