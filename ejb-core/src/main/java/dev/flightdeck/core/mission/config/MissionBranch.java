package dev.flightdeck.core.mission.config;

import java.util.Locale;

/** The git branch a mission run works on, derived from the identifier. */
public final class MissionBranch {

    private MissionBranch() {
    }

    /**
     * {@code mission/} + the identifier lowercased, every run of characters other than ASCII letters
     * and digits turned into one {@code -}, with no {@code -} at either end: {@code ENG-12} →
     * {@code mission/eng-12}, {@code owner/repo#42} → {@code mission/owner-repo-42}. The result is
     * always a valid git branch name; an identifier with no letters or digits gives {@code mission/issue}.
     */
    public static String of(String identifier) {
        String slug = (identifier == null ? "" : identifier).toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return "mission/" + (slug.isEmpty() ? "issue" : slug);
    }
}
