import { useEffect, useRef, useState } from 'preact/hooks';
import { socket } from '../ws/socket';
import { decodeFrame, inputData } from './frames';

type State = { phase: 'starting' | 'open' } | { phase: 'ended'; why: string };

/**
 * A real terminal in the session's directory (create_terminal over the socket; output arrives as
 * binary frames). xterm.js is loaded only when a terminal is opened, so the first load stays small.
 * A terminal belongs to its connection: when the socket drops the server kills it, and the panel
 * says so instead of showing a screen that no longer answers.
 */
export function TerminalPanel({ sessionId }: { sessionId: string }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ phase: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const id = `console-${Date.now().toString(36)}-${attempt}`;
    let disposed = false;
    const cleanups: (() => void)[] = [];
    const end = (why: string) => { if (!disposed) setState({ phase: 'ended', why }); };
    setState({ phase: 'starting' });
    void (async () => {
      const [{ Terminal }, { FitAddon }] = await Promise.all([import('@xterm/xterm'), import('@xterm/addon-fit'), import('@xterm/xterm/css/xterm.css')]);
      if (disposed || !host.current) return;
      const term = new Terminal({ cursorBlink: true, fontSize: 13, convertEol: false, screenReaderMode: true });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(host.current);
      fit.fit();
      cleanups.push(() => term.dispose());
      cleanups.push(socket.onBinary((buf) => {
        const f = decodeFrame(buf);
        if (!f || f.id !== id) return;
        if (f.kind === 'output') term.write(f.data);
        else end(`The shell exited (${f.exitCode}).`);
      }));
      cleanups.push(socket.onFrame((f) => {
        if (f.type === 'terminal_created' && f.terminal_id === id) setState({ phase: 'open' });
        // Errors name the terminal only in their words ("Terminal <id> was closed: …"); a throttled
        // terminal goes on, slowed.
        if (f.type === 'error' && f.code !== 'terminal_output_throttled' && typeof f.message === 'string'
            && f.message.startsWith(`Terminal ${id} `)) end(f.message);
        if (f.type === 'error' && f.code === 'terminal_limit_reached') end(String(f.message));
      }));
      cleanups.push(socket.onStatus((s) => { if (s !== 'open') end('The connection dropped, and the server closed the terminal with it.'); }));
      const input = term.onData((d) => socket.send({ type: 'terminal_input', terminal_id: id, data: inputData(d) }));
      cleanups.push(() => input.dispose());
      const resized = term.onResize(({ cols, rows }) => socket.send({ type: 'terminal_resize', terminal_id: id, cols, rows }));
      cleanups.push(() => resized.dispose());
      const observer = new ResizeObserver(() => fit.fit());
      observer.observe(host.current);
      cleanups.push(() => observer.disconnect());
      if (!socket.send({ type: 'create_terminal', terminal_id: id, session_id: sessionId, cols: term.cols, rows: term.rows })) {
        end('The console is not connected; open the terminal again once it is live.');
        return;
      }
      cleanups.push(() => socket.send({ type: 'destroy_terminal', terminal_id: id }));
      term.focus();
    })().catch((e) => end(`The terminal could not start: ${e instanceof Error ? e.message : String(e)}`));
    return () => {
      disposed = true;
      cleanups.reverse().forEach((c) => c());
    };
  }, [sessionId, attempt]);

  return (
    <section class="panel terminal" aria-label="Terminal" data-terminal-phase={state.phase}>
      <div class="row-between">
        <strong>Terminal</strong>
        {state.phase === 'ended' && <span class="notice" role="status">{state.why}</span>}
        {state.phase === 'ended' && <button type="button" onClick={() => setAttempt(attempt + 1)}>Open a new one</button>}
      </div>
      <div class="term-host" ref={host} />
    </section>
  );
}
