import { useEffect, useState } from 'preact/hooks';
import { api, ok } from '../api/client';
import { useAction } from '../app/action';
import { ErrorNote } from '../app/ErrorNote';
import { EDITABLE, flatten, settingsPatch } from './settings';

/** What MISSION.md says, as the server read it; a few numbers can be changed in place. */
export function MissionSettings({ mid, settings, onSaved }: { mid: string; settings: Record<string, unknown>; onSaved: () => void }) {
  const flat = flatten(settings).filter(([k]) => k !== 'prompt_template');
  const byPath = new Map(flat);
  const current = Object.fromEntries(EDITABLE.map((e) => [e.field, byPath.get(e.path) ?? ''])) as Record<string, string>;
  const [edited, setEdited] = useState(current);
  const [invalid, setInvalid] = useState<string[]>([]);
  const key = JSON.stringify(current);
  useEffect(() => setEdited(current), [key]);
  const { error, busy, run } = useAction(onSaved);
  const save = (e: Event) => {
    e.preventDefault();
    const patch = settingsPatch(current, edited);
    setInvalid(patch.invalid);
    if (patch.invalid.length || Object.keys(patch.body).length === 0) return;
    void run(() => ok(api.PUT('/api/missions/{mid}/settings', { params: { path: { mid } }, body: patch.body as never })));
  };
  return (
    <details class="panel settings">
      <summary>Settings (MISSION.md)</summary>
      <form class="create" onSubmit={save} aria-label="Mission settings">
        <div class="fields">
          {EDITABLE.map((f) => (
            <label>{f.label}
              <input name={f.field} inputMode="numeric" value={edited[f.field]} aria-invalid={invalid.includes(f.field)}
                onInput={(e) => setEdited({ ...edited, [f.field]: (e.target as HTMLInputElement).value })} />
            </label>
          ))}
        </div>
        {invalid.length > 0 && <p class="notice" role="alert">Enter a whole number of 0 or more for: {invalid.join(', ')}.</p>}
        <ErrorNote error={error} />
        <div><button type="submit" disabled={busy}>Save to MISSION.md</button></div>
      </form>
      <dl class="kv">
        {flat.map(([k, v]) => <div><dt>{k}</dt><dd>{v}</dd></div>)}
      </dl>
      {typeof settings.prompt_template === 'string' && settings.prompt_template && (
        <><h3>Prompt</h3><pre class="cmd">{settings.prompt_template}</pre></>
      )}
    </details>
  );
}
