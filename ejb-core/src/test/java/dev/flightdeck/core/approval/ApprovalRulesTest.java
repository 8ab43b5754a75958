package dev.flightdeck.core.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalRulesTest {
    @Test
    void shellCommandsAreSplitAndRated() {
        ApprovalWire.Preview p = ApprovalRules.preview("exec", "npm test && rm -rf build | tee log", null);
        assertEquals("shell_command", p.type());
        assertEquals(List.of("npm test", "rm -rf build", "tee log"), p.shellSegments());
        assertEquals("high", p.riskLevel());
        assertEquals("normal", ApprovalRules.preview("exec", "ls", null).riskLevel());
        assertEquals("file_path", ApprovalRules.preview("patch", null, "/a/b").type());
    }
}
