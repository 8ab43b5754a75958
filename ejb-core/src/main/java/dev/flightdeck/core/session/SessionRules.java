package dev.flightdeck.core.session;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Derived session fields (contract §3), as OrbitDock's clients expect them. Pure, with unit tests. */
public final class SessionRules {
    static final int TITLE_MAX = 48;
    private static final List<String> FILLER = List.of("can you help me ", "could you help me ", "would you help me ",
            "can you ", "could you ", "would you ", "can we ", "help me ", "please ", "i need you to ", "i need to ",
            "i want to ", "let's ", "lets ");
    private static final Set<String> TRAILING = Set.of("this", "that", "it", "here", "there", "please", "thanks");
    private static final Set<String> MINOR = Set.of("a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or",
            "the", "to", "with");

    private SessionRules() {
    }

    /**
     * The custom name; else the summary; else a title made from the first prompt; else the project.
     * A summary or prompt that only repeats the project's name does not count as a title.
     */
    public static String displayTitle(String customName, String summary, String firstPrompt, String projectName,
                                      String projectPath) {
        String name = clean(customName);
        if (!name.isEmpty()) {
            return name;
        }
        String s = clean(summary);
        if (!s.isEmpty() && !isProjectLabel(s, projectName, projectPath)) {
            return s;
        }
        String p = clean(firstPrompt);
        if (!p.isEmpty() && !isProjectLabel(p, projectName, projectPath)) {
            String title = promptTitle(p);
            return title.isEmpty() ? p : title;
        }
        if (!s.isEmpty()) {
            return s;
        }
        if (!p.isEmpty()) {
            return p;
        }
        String project = clean(projectName);
        if (!project.isEmpty()) {
            return project;
        }
        String last = clean(lastSegment(projectPath));
        return last.isEmpty() ? "Unknown" : last;
    }

    /** The last message; else the first prompt when it differs from the summary; else either; else null. */
    public static String contextLine(String summary, String firstPrompt, String lastMessage) {
        String last = clean(lastMessage);
        if (!last.isEmpty()) {
            return last;
        }
        String p = clean(firstPrompt);
        String s = clean(summary);
        if (!p.isEmpty()) {
            return p;
        }
        return s.isEmpty() ? null : s;
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

    /** open while active, ended after. */
    public static String lifecycleState(String status) {
        return SessionStatus.ACTIVE.equals(status) ? "open" : "ended";
    }

    /** The last path element of the project, as clients show it. */
    public static String projectName(String projectPath) {
        String name = lastSegment(projectPath.endsWith("/") && projectPath.length() > 1
                ? projectPath.substring(0, projectPath.length() - 1) : projectPath);
        return name.isEmpty() ? projectPath : name;
    }

    /** Drops anything between angle brackets (tags the CLIs put in prompts), then trims. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean inTag = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<') {
                inTag = true;
            } else if (c == '>' && inTag) {
                inTag = false;
            } else if (!inTag) {
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /**
     * A short title from a prompt: whitespace folded, leading slash commands and polite filler dropped,
     * cut at the first sentence end, trailing filler words popped, title-cased, at most 48 characters.
     */
    static String promptTitle(String prompt) {
        String t = prompt.replaceAll("\\s+", " ").strip();
        while (t.startsWith("/")) {
            int space = t.indexOf(' ');
            t = space < 0 ? "" : t.substring(space + 1).strip();
        }
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String f : FILLER) {
                if (t.toLowerCase(Locale.ROOT).startsWith(f)) {
                    t = t.substring(f.length()).strip();
                    stripped = true;
                }
            }
        }
        t = t.substring(0, sentenceEnd(t)).strip();
        List<String> words = new java.util.ArrayList<>(List.of(t.isEmpty() ? new String[0] : t.split(" ")));
        while (!words.isEmpty() && TRAILING.contains(
                words.get(words.size() - 1).replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT))) {
            words.remove(words.size() - 1);
        }
        StringBuilder title = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                title.append(' ');
            }
            title.append(titleWord(words.get(i), i == 0));
        }
        return truncate(title.toString(), TITLE_MAX);
    }

    private static int sentenceEnd(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '?' || c == '!' || (c == '.' && i + 1 < t.length() && t.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return t.length();
    }

    /** Identifiers and words with capitals stay as written; minor words stay lower unless first. */
    private static String titleWord(String w, boolean first) {
        if (w.chars().anyMatch(c -> c == '/' || c == '.' || c == '_' || c == '-' || Character.isUpperCase(c))) {
            return w;
        }
        String lower = w.toLowerCase(Locale.ROOT);
        if (!first && MINOR.contains(lower)) {
            return lower;
        }
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    static String truncate(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, max).stripTrailing() + "…";
    }

    private static boolean isProjectLabel(String candidate, String projectName, String projectPath) {
        String c = candidate.strip().toLowerCase(Locale.ROOT);
        String name = clean(projectName).toLowerCase(Locale.ROOT);
        String last = clean(lastSegment(projectPath)).toLowerCase(Locale.ROOT);
        return (!name.isEmpty() && c.equals(name)) || (!last.isEmpty() && c.equals(last));
    }

    private static String lastSegment(String path) {
        if (path == null) {
            return "";
        }
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
