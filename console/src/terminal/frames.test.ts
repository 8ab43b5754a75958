import { describe, expect, it } from 'vitest';
import { decodeFrame, inputData } from './frames';

function frame(type: number, id: string, rest: number[]): ArrayBuffer {
  const idBytes = new TextEncoder().encode(id);
  return new Uint8Array([type, idBytes.length, ...idBytes, ...rest]).buffer;
}

describe('terminal frames', () => {
  it('reads output bytes exactly, even a UTF-8 sequence split across frames', () => {
    const f = decodeFrame(frame(1, 'term-1', [0x68, 0x69, 0xe2, 0x82]));
    expect(f).toEqual({ kind: 'output', id: 'term-1', data: new Uint8Array([0x68, 0x69, 0xe2, 0x82]) });
  });

  it('reads the exit code as a little-endian int32, -1 included', () => {
    expect(decodeFrame(frame(2, 't', [137, 0, 0, 0]))).toEqual({ kind: 'exited', id: 't', exitCode: 137 });
    expect(decodeFrame(frame(2, 't', [0xff, 0xff, 0xff, 0xff]))).toEqual({ kind: 'exited', id: 't', exitCode: -1 });
  });

  it('ignores what is not a whole frame', () => {
    expect(decodeFrame(new Uint8Array([1]).buffer)).toBeNull();
    expect(decodeFrame(new Uint8Array([1, 9, 0x61]).buffer)).toBeNull();
    expect(decodeFrame(frame(2, 't', [1, 0]))).toBeNull();
    expect(decodeFrame(frame(7, 't', []))).toBeNull();
  });

  it('encodes typed text as base64 of its UTF-8 bytes', () => {
    expect(inputData('ls\r')).toBe('bHMN');
    expect(atob(inputData('é'))).toBe('\xc3\xa9');
    expect(atob(inputData('x'.repeat(100_000))).length).toBe(100_000);
  });
});
