package dev.flightdeck.core.terminal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The binary WebSocket frames that carry terminal bytes (OrbitDock's framing, so its clients read
 * them unchanged): one type byte, one byte with the length of the terminal id in UTF-8, the id, then
 * the payload. Output carries the program's bytes as they came; exit carries the exit code as a
 * little-endian int32, -1 when unknown. Pure.
 */
public final class TerminalFrames {
    public static final byte OUTPUT = 0x01;
    public static final byte EXITED = 0x02;
    /** The id must fit its one length byte. */
    public static final int MAX_ID_BYTES = 255;

    private TerminalFrames() {
    }

    /** A frame as a reader sees it. */
    public record Frame(byte type, String terminalId, byte[] payload) {
    }

    public static ByteBuffer output(String terminalId, byte[] data, int offset, int length) {
        byte[] id = id(terminalId);
        ByteBuffer b = ByteBuffer.allocate(2 + id.length + length);
        b.put(OUTPUT).put((byte) id.length).put(id).put(data, offset, length);
        return b.flip();
    }

    public static ByteBuffer exited(String terminalId, Integer exitCode) {
        byte[] id = id(terminalId);
        ByteBuffer b = ByteBuffer.allocate(2 + id.length + 4);
        b.put(EXITED).put((byte) id.length).put(id);
        b.order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(exitCode == null ? -1 : exitCode);
        return b.flip();
    }

    /** Reads a frame; for clients and tests. */
    public static Frame decode(ByteBuffer frame) {
        ByteBuffer b = frame.duplicate();
        if (b.remaining() < 2) {
            throw new IllegalArgumentException("a terminal frame has at least 2 bytes");
        }
        byte type = b.get();
        int idLength = Byte.toUnsignedInt(b.get());
        if (b.remaining() < idLength) {
            throw new IllegalArgumentException("the frame is shorter than its terminal id");
        }
        byte[] id = new byte[idLength];
        b.get(id);
        byte[] payload = new byte[b.remaining()];
        b.get(payload);
        return new Frame(type, new String(id, StandardCharsets.UTF_8), payload);
    }

    /** The exit code an exit frame's payload holds (-1: unknown). */
    public static int exitCode(byte[] payload) {
        return ByteBuffer.wrap(payload).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static byte[] id(String terminalId) {
        byte[] id = terminalId.getBytes(StandardCharsets.UTF_8);
        if (id.length > MAX_ID_BYTES) {
            // TerminalRules refuses such ids at create; this guards the frame layout itself.
            throw new IllegalArgumentException("a terminal id has at most " + MAX_ID_BYTES + " bytes");
        }
        return id;
    }
}
