package dev.flightdeck.core.review;

import java.util.ArrayList;
import java.util.List;

/**
 * Unified diff text, bounded as it is read: at most {@code perFileChars} of each file's section and
 * {@code totalChars} in all. What is cut is replaced by a marker line saying how much, so a reader
 * never mistakes a truncated diff for a whole one. git itself summarizes binary files
 * ("Binary files a/x and b/x differ"), so their bytes never arrive here. Pure.
 */
public final class DiffText {
    /** Defaults: a file section, and the whole diff. */
    public static final int PER_FILE_CHARS = 256 * 1024;
    public static final int TOTAL_CHARS = 4 * 1024 * 1024;
    static final String MARK = "\\ flightdeck: ";

    private final int perFileChars;
    private final int totalChars;
    private final StringBuilder out = new StringBuilder();
    private int fileChars;
    private long fileLinesCut;
    private long filesCut;
    private boolean cutting;
    private boolean truncated;
    private int files;

    public DiffText(int perFileChars, int totalChars) {
        this.perFileChars = perFileChars;
        this.totalChars = totalChars;
    }

    public static DiffText standard() {
        return new DiffText(PER_FILE_CHARS, TOTAL_CHARS);
    }

    /** The diff as written; bounded. */
    public record Bounded(String text, int files, boolean truncated) {
    }

    public void accept(String line) {
        boolean header = line.startsWith("diff --git ");
        if (header) {
            endFile();
            files++;
            fileChars = 0;
            if (cutting) {
                filesCut++;
                return;
            }
        } else if (cutting) {
            return;
        }
        int need = line.length() + 1;
        if (out.length() + need > totalChars) {
            endFile();
            cutting = true;
            truncated = true;
            if (header) {
                filesCut++;
            }
            return;
        }
        if (!header && fileChars + need > perFileChars) {
            fileLinesCut++;
            truncated = true;
            return;
        }
        out.append(line).append('\n');
        fileChars += need;
    }

    public Bounded result() {
        endFile();
        if (filesCut > 0) {
            out.append(MARK).append("diff truncated: ").append(filesCut).append(" more file")
                    .append(filesCut == 1 ? "" : "s").append(" not shown\n");
            filesCut = 0;
        }
        return new Bounded(out.toString(), files, truncated);
    }

    private void endFile() {
        if (fileLinesCut > 0) {
            out.append(MARK).append(fileLinesCut).append(" more line").append(fileLinesCut == 1 ? "" : "s")
                    .append(" of this file not shown\n");
            fileLinesCut = 0;
        }
    }

    /** One line of a diff for display: its kind and, for lines of a file, the line number it has. */
    public record DisplayLine(String type, String line, Integer lineNumber) {
    }

    /**
     * Per-line display of unified diff text: hunk headers, context, added and removed lines, each
     * numbered in the file it belongs to (new file for context and added, old file for removed).
     */
    public static List<DisplayLine> display(String diff) {
        List<DisplayLine> lines = new ArrayList<>();
        int oldLine = 0;
        int newLine = 0;
        boolean inHunk = false;
        for (String l : diff.split("\n", -1)) {
            if (l.startsWith("@@")) {
                int[] starts = hunkStarts(l);
                oldLine = starts[0];
                newLine = starts[1];
                inHunk = true;
                lines.add(new DisplayLine("hunk", l, null));
            } else if (l.startsWith("diff --git ")) {
                inHunk = false;
                lines.add(new DisplayLine("header", l, null));
            } else if (!inHunk) {
                if (!l.isEmpty()) {
                    lines.add(new DisplayLine("header", l, null));
                }
            } else if (l.startsWith("+")) {
                lines.add(new DisplayLine("added", l.substring(1), newLine++));
            } else if (l.startsWith("-")) {
                lines.add(new DisplayLine("removed", l.substring(1), oldLine++));
            } else if (l.startsWith(" ")) {
                lines.add(new DisplayLine("context", l.substring(1), newLine++));
                oldLine++;
            } else if (l.startsWith("\\")) {
                lines.add(new DisplayLine("note", l, null));
            }
        }
        return lines;
    }

    /** Display lines for a replacement of one text by another (an edit tool's old and new strings). */
    public static List<DisplayLine> replacement(String oldText, String newText, Integer startLine) {
        oldText = withoutFinalNewline(oldText);
        newText = withoutFinalNewline(newText);
        List<DisplayLine> lines = new ArrayList<>();
        int n = startLine == null ? 1 : startLine;
        if (oldText != null && !oldText.isEmpty()) {
            int o = n;
            for (String l : oldText.split("\n", -1)) {
                lines.add(new DisplayLine("removed", l, o++));
            }
        }
        if (newText != null && !newText.isEmpty()) {
            for (String l : newText.split("\n", -1)) {
                lines.add(new DisplayLine("added", l, n++));
            }
        }
        return lines;
    }

    private static String withoutFinalNewline(String text) {
        return text != null && text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static int[] hunkStarts(String header) {
        // @@ -a[,b] +c[,d] @@
        int[] starts = {1, 1};
        String[] parts = header.split(" ");
        if (parts.length > 2 && parts[1].startsWith("-") && parts[2].startsWith("+")) {
            starts[0] = number(parts[1].substring(1));
            starts[1] = number(parts[2].substring(1));
        }
        return starts;
    }

    private static int number(String range) {
        int comma = range.indexOf(',');
        try {
            return Integer.parseInt(comma < 0 ? range : range.substring(0, comma));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
