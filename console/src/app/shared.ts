import { useEffect, useState } from 'preact/hooks';
import { socket, type Frame } from '../ws/socket';

/**
 * A snapshot that several screens read at once (the dashboard and the attention badge both read
 * the active sessions): one fetch, one subscription, any number of readers.
 */
export class SharedLive<T extends { revision?: number }> {
  data: T | null = null;
  error: unknown = null;
  private readers = new Set<() => void>();
  private loading: Promise<void> | null = null;
  private again = false;
  private off: (() => void)[] = [];

  constructor(
    private readonly key: string,
    private readonly fetch: () => Promise<T>,
    private readonly subscribe: (since: number | undefined) => Frame,
    private readonly invalidates: (f: Frame) => boolean,
  ) {}

  use(): T | null {
    const [, tick] = useState(0);
    useEffect(() => {
      const r = () => tick((n) => n + 1);
      this.readers.add(r);
      if (this.readers.size === 1) this.open();
      return () => {
        this.readers.delete(r);
        if (this.readers.size === 0) this.close();
      };
    }, []);
    return this.data;
  }

  reload(): void {
    if (this.loading) {
      this.again = true;
      return;
    }
    this.loading = this.fetch()
      .then((d) => {
        this.data = d;
        this.error = null;
        if (this.off.length === 1) {
          this.off.push(socket.subscribe(this.key, () => this.subscribe(this.data?.revision)));
        }
      })
      .catch((e) => {
        this.error = e;
      })
      .finally(() => {
        this.loading = null;
        this.readers.forEach((r) => r());
        if (this.again) {
          this.again = false;
          this.reload();
        }
      });
  }

  private open(): void {
    this.off = [socket.onFrame((f) => {
      if (!this.invalidates(f)) return;
      const r = typeof f.revision === 'number' ? f.revision : undefined;
      const held = this.data?.revision;
      if (r === undefined || r === 0 || held === undefined || r > held) this.reload();
    })];
    this.reload();
  }

  private close(): void {
    this.off.forEach((o) => o());
    this.off = [];
  }
}
