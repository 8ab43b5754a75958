import { getToken, signOut } from '../app/auth';

export type Frame = { type: string; [key: string]: unknown };
export type SocketStatus = 'connecting' | 'open' | 'closed';

/**
 * One WebSocket for the whole console. Screens register subscriptions as functions that build the
 * subscribe message; on every (re)connect each one is sent again with the since_revision its
 * screen holds at that moment, so the server replays exactly what was missed (docs/websocket.md).
 */
export class FlightdeckSocket {
  private ws: WebSocket | null = null;
  private readonly subs = new Map<string, () => Frame>();
  private readonly frameListeners = new Set<(f: Frame) => void>();
  private readonly statusListeners = new Set<(s: SocketStatus) => void>();
  private readonly binaryListeners = new Set<(data: ArrayBuffer) => void>();
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  status: SocketStatus = 'closed';

  constructor(private readonly url: () => string) {}

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close(1000);
    this.ws = null;
    this.setStatus('closed');
  }

  /** Adds or replaces a subscription; sent now when open, and again after every reconnect. */
  subscribe(key: string, message: () => Frame): () => void {
    this.subs.set(key, message);
    this.sendNow(message());
    return () => {
      if (this.subs.get(key) === message) {
        this.subs.delete(key);
        const m = message();
        this.sendNow({ ...m, type: String(m.type).replace(/^subscribe_/, 'unsubscribe_') });
      }
    };
  }

  /** A session action or other message; false when the socket is not open (the caller says so). */
  send(message: Frame): boolean {
    return this.sendNow(message);
  }

  sendBinary(data: Uint8Array): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(data);
    return true;
  }

  onFrame(l: (f: Frame) => void): () => void {
    this.frameListeners.add(l);
    return () => this.frameListeners.delete(l);
  }

  onBinary(l: (data: ArrayBuffer) => void): () => void {
    this.binaryListeners.add(l);
    return () => this.binaryListeners.delete(l);
  }

  onStatus(l: (s: SocketStatus) => void): () => void {
    this.statusListeners.add(l);
    return () => this.statusListeners.delete(l);
  }

  private sendNow(message: Frame): boolean {
    if (this.ws?.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  private connect(): void {
    if (this.stopped || !getToken()) return;
    this.setStatus('connecting');
    const ws = new WebSocket(this.url());
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    ws.onopen = () => {
      this.attempt = 0;
      this.setStatus('open');
      this.subs.forEach((m) => this.sendNow(m()));
    };
    ws.onmessage = (ev) => {
      if (typeof ev.data !== 'string') {
        this.binaryListeners.forEach((l) => l(ev.data as ArrayBuffer));
        return;
      }
      let frame: Frame;
      try {
        frame = JSON.parse(ev.data) as Frame;
      } catch {
        return;
      }
      this.frameListeners.forEach((l) => l(frame));
    };
    ws.onclose = (ev) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.setStatus('closed');
      if (ev.code === 1008) {
        // The server closes with 1008 when the token is revoked.
        signOut('Your token was revoked. Sign in again.');
        return;
      }
      this.retry();
    };
  }

  private retry(): void {
    if (this.stopped) return;
    const delay = Math.min(10_000, 250 * 2 ** this.attempt) * (0.75 + Math.random() / 2);
    this.attempt = Math.min(this.attempt + 1, 6);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private setStatus(s: SocketStatus): void {
    this.status = s;
    this.statusListeners.forEach((l) => l(s));
  }
}

export const socket = new FlightdeckSocket(() => {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws?token=${encodeURIComponent(getToken() ?? '')}&client_id=${clientId()}`;
});

function clientId(): string {
  let id = sessionStorage.getItem('flightdeck.client_id');
  if (!id) {
    // getRandomValues, not randomUUID: the latter is missing outside secure contexts (a phone on http).
    id = 'console-' + Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');
    sessionStorage.setItem('flightdeck.client_id', id);
  }
  return id;
}
