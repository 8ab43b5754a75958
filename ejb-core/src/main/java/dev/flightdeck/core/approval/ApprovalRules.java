package dev.flightdeck.core.approval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What an approval request previews and how risky it looks. Pure. */
public final class ApprovalRules {
    private static final Pattern SEGMENT_SPLIT = Pattern.compile("\\s*(?:&&|\\|\\||;|\\|)\\s*");
    private static final List<String> HIGH_RISK = List.of("rm -rf", "sudo ", "git push --force", "git reset --hard",
            "mkfs", "dd if=", "chmod -r 777", "curl ", "wget ", "> /dev/");

    private ApprovalRules() {
    }

    public static ApprovalWire.Preview preview(String approvalType, String command, String filePath) {
        if (command != null) {
            List<String> segments = new ArrayList<>();
            for (String s : SEGMENT_SPLIT.split(command.strip())) {
                if (!s.isBlank()) {
                    segments.add(s);
                }
            }
            List<String> findings = new ArrayList<>();
            String lower = command.toLowerCase(Locale.ROOT);
            for (String risky : HIGH_RISK) {
                if (lower.contains(risky)) {
                    findings.add("command contains '" + risky.strip() + "'");
                }
            }
            return new ApprovalWire.Preview("shell_command", command, segments,
                    findings.isEmpty() ? "normal" : "high", findings);
        }
        if (filePath != null) {
            return new ApprovalWire.Preview("file_path", filePath, List.of(), "normal", List.of());
        }
        return new ApprovalWire.Preview("action", approvalType, List.of(), "low", List.of());
    }
}
