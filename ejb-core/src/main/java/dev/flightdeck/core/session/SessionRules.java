package dev.flightdeck.core.session;

import java.util.Locale;

/** Derived session fields (contract §3). Pure, so each rule has a unit test. */
public final class SessionRules {
    static final int TITLE_MAX = 48;

    private SessionRules() {
    }

    /** custom_name, else summary, else the first prompt title-cased and cut to 48 characters, else the project. */
    public static String displayTitle(String customName, String summary, String firstPrompt, String projectName) {
        if (!blank(customName)) {
            return customName.strip();
        }
        if (!blank(summary)) {
            return summary.strip();
        }
        if (!blank(firstPrompt)) {
            return titleCase(truncate(firstLine(firstPrompt), TITLE_MAX));
        }
        return projectName;
    }

    /** working | permission | question | reply | ended; waiting and reply both read as reply. */
    public static String listStatus(String status, String workStatus) {
        if (!SessionStatus.ACTIVE.equals(status)) {
            return WorkStatus.ENDED;
        }
        return switch (workStatus) {
            case WorkStatus.WORKING, WorkStatus.PERMISSION, WorkStatus.QUESTION -> workStatus;
            default -> WorkStatus.REPLY;
        };
    }

    /** A session needs a human when it waits on a permission or a question. */
    public static boolean needsAttention(String status, String workStatus) {
        String list = listStatus(status, workStatus);
        return list.equals(WorkStatus.PERMISSION) || list.equals(WorkStatus.QUESTION);
    }

    /** "project · branch", or the project alone. */
    public static String contextLine(String projectName, String branch) {
        return blank(branch) ? projectName : projectName + " · " + branch;
    }

    /** The last path element of the project, as clients show it. */
    public static String projectName(String projectPath) {
        String p = projectPath.endsWith("/") && projectPath.length() > 1
                ? projectPath.substring(0, projectPath.length() - 1) : projectPath;
        int slash = p.lastIndexOf('/');
        String name = slash >= 0 ? p.substring(slash + 1) : p;
        return name.isEmpty() ? p : name;
    }

    static String firstLine(String s) {
        String stripped = s.strip();
        int nl = stripped.indexOf('\n');
        return (nl >= 0 ? stripped.substring(0, nl) : stripped).strip();
    }

    /** Cuts at a word boundary when one is near, and marks the cut with an ellipsis. */
    static String truncate(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        String cut = s.substring(0, s.offsetByCodePoints(0, max - 1));
        int space = cut.lastIndexOf(' ');
        if (space >= max / 2) {
            cut = cut.substring(0, space);
        }
        return cut.stripTrailing() + "…";
    }

    static String titleCase(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean startOfWord = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp)) {
                startOfWord = true;
                out.appendCodePoint(cp);
            } else if (startOfWord) {
                out.append(new String(Character.toChars(cp)).toUpperCase(Locale.ROOT));
                startOfWord = false;
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
