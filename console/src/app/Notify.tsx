import { useState } from 'preact/hooks';

/**
 * Asks for the browser's permission to notify, from a click as browsers require; the attention
 * badge's notifications (attention.ts) fire only once it is granted.
 */
export function NotifyToggle() {
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported) return null;
  if (permission === 'granted') return <span class="hint" data-notifications="on">Notifications on</span>;
  if (permission === 'denied') return <span class="hint" data-notifications="blocked" title="Allow notifications for this site in the browser's settings">Notifications blocked</span>;
  return (
    <button type="button" class="link-button" title="A notification when an agent needs you, even from another tab" onClick={() => void Notification.requestPermission().then(setPermission)}>
      Enable notifications
    </button>
  );
}
