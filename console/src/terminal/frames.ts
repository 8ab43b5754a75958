/** A terminal's binary frame (docs/terminals.md): type byte, id length, id, then output or exit code. */
export type TerminalFrame =
  | { kind: 'output'; id: string; data: Uint8Array }
  | { kind: 'exited'; id: string; exitCode: number };

const decoder = new TextDecoder();

export function decodeFrame(buf: ArrayBuffer): TerminalFrame | null {
  const bytes = new Uint8Array(buf);
  if (bytes.length < 2) return null;
  const idEnd = 2 + bytes[1];
  if (bytes.length < idEnd) return null;
  const id = decoder.decode(bytes.subarray(2, idEnd));
  if (bytes[0] === 0x01) return { kind: 'output', id, data: bytes.subarray(idEnd) };
  if (bytes[0] === 0x02 && bytes.length >= idEnd + 4) {
    return { kind: 'exited', id, exitCode: new DataView(buf, idEnd, 4).getInt32(0, true) };
  }
  return null;
}

/** terminal_input's data: base64 of the UTF-8 bytes typed, built in slices so a long paste fits. */
export function inputData(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
