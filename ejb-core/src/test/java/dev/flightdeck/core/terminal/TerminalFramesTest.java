package dev.flightdeck.core.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TerminalFramesTest {
    @Test
    void outputIsTypeIdLengthIdThenTheBytes() {
        byte[] data = "xhello".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer f = TerminalFrames.output("term-1", data, 1, 5);
        byte[] raw = new byte[f.remaining()];
        f.duplicate().get(raw);
        assertThat(raw[0]).isEqualTo((byte) 0x01);
        assertThat(raw[1]).isEqualTo((byte) 6);
        assertThat(new String(raw, 2, 6, StandardCharsets.UTF_8)).isEqualTo("term-1");
        assertThat(new String(raw, 8, raw.length - 8, StandardCharsets.UTF_8)).isEqualTo("hello");
    }

    @Test
    void exitCarriesALittleEndianCodeAndMinusOneWhenUnknown() {
        TerminalFrames.Frame f = TerminalFrames.decode(TerminalFrames.exited("t", 258));
        assertThat(f.type()).isEqualTo(TerminalFrames.EXITED);
        assertThat(f.terminalId()).isEqualTo("t");
        assertThat(f.payload()).containsExactly(2, 1, 0, 0);
        assertThat(TerminalFrames.exitCode(f.payload())).isEqualTo(258);
        assertThat(TerminalFrames.exitCode(TerminalFrames.decode(TerminalFrames.exited("t", null)).payload())).isEqualTo(-1);
    }

    @Test
    void idsAreMeasuredInUtf8Bytes() {
        String id = "é".repeat(127); // 254 bytes
        TerminalFrames.Frame f = TerminalFrames.decode(TerminalFrames.output(id, new byte[]{7}, 0, 1));
        assertThat(f.terminalId()).isEqualTo(id);
        assertThat(f.payload()).containsExactly(7);
        assertThatThrownBy(() -> TerminalFrames.output("é".repeat(128), new byte[0], 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTruncatedFrameIsRefused() {
        assertThatThrownBy(() -> TerminalFrames.decode(ByteBuffer.wrap(new byte[]{1, 5, 'a'})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
