package dev.flightdeck.core.usage;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model families the usage routes group by (contract §1.11: Opus, Sonnet, Haiku or GPT-x). Pure.
 * A model id carries dates, versions and suffixes that would split one family into many rows.
 */
public final class UsageModels {
    public static final String UNKNOWN = "Unknown";
    public static final String OTHER = "Other";
    private static final Pattern GPT = Pattern.compile("gpt-?(\\d+(?:\\.\\d+)?o?)");

    private UsageModels() {
    }

    /**
     * claude-opus-4-5 → Opus, claude-sonnet-4-5-20250929 → Sonnet, gpt-5.1-codex → GPT-5.1, gpt-4o → GPT-4o;
     * OpenAI's reasoning and codex models without a GPT number → GPT; none → Unknown; anything else → Other.
     */
    public static String family(String model) {
        if (model == null || model.isBlank()) {
            return UNKNOWN;
        }
        String m = model.toLowerCase(Locale.ROOT).strip();
        if (m.contains("opus")) {
            return "Opus";
        }
        if (m.contains("sonnet")) {
            return "Sonnet";
        }
        if (m.contains("haiku")) {
            return "Haiku";
        }
        Matcher gpt = GPT.matcher(m);
        if (gpt.find()) {
            return "GPT-" + gpt.group(1);
        }
        if (m.startsWith("gpt") || m.contains("codex") || m.matches("o\\d.*")) {
            return "GPT";
        }
        return OTHER;
    }
}
