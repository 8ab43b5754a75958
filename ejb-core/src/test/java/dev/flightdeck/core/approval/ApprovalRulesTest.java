package dev.flightdeck.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalRulesTest {
    @Test
    void shellCommandsAreSplitAndRated() {
        ApprovalWire.Preview p = ApprovalRules.preview("exec", "npm test && rm -rf build | tee log", null);
        assertThat(p.type()).isEqualTo("shell_command");
        assertThat(p.shellSegments()).isEqualTo(List.of("npm test", "rm -rf build", "tee log"));
        assertThat(p.riskLevel()).isEqualTo("high");
        assertThat(ApprovalRules.preview("exec", "ls", null).riskLevel()).isEqualTo("normal");
        assertThat(ApprovalRules.preview("patch", null, "/a/b").type()).isEqualTo("file_path");
    }
}
