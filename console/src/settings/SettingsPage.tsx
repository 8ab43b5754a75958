import { Tokens } from './Tokens';
import { TrackerKeys } from './TrackerKeys';
import { ServerRole } from './ServerRole';

export function SettingsPage() {
  return (
    <section class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <Tokens />
      <TrackerKeys />
      <ServerRole />
    </section>
  );
}
