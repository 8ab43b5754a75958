package dev.flightdeck.core.connector;

import java.util.regex.Pattern;

/**
 * What may reach an agent's command line. Values are passed as {@code --opt=value}, so none can be
 * read as a flag of its own; these checks keep them to the shapes the CLIs use besides, and refuse
 * anything that starts with '-'. Pure.
 */
public final class AgentArgs {
    /** Session, thread and message ids: UUIDs and the like. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    /**
     * Model names and aliases as the CLIs take them: {@code claude-sonnet-4-5}, {@code opus[1m]},
     * Vertex's {@code name@date}, Bedrock's ARNs and inference profiles ({@code :} and {@code /}).
     */
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@\\[\\]-]{0,199}");
    /** Permission modes and other enumerated words. */
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    /** Why a model name was refused, for a field-named 400. */
    public static final String MODEL_RULE = "must be a model name: up to 200 letters, digits and . _ : / @ [ ] -,"
            + " starting with a letter or digit";
    public static final String ID_RULE = "must be an id: up to 128 letters, digits and . _ -,"
            + " starting with a letter or digit";

    private AgentArgs() {
    }

    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }

    public static boolean isModel(String s) {
        return s != null && MODEL.matcher(s).matches();
    }

    static boolean isWord(String s) {
        return s != null && WORD.matcher(s).matches();
    }

    /** {@code --name=value}, or a refusal naming the option (never the value, which may be anything). */
    public static String id(String option, String value) {
        return checked(option, value, isId(value));
    }

    public static String model(String option, String value) {
        return checked(option, value, isModel(value));
    }

    public static String word(String option, String value) {
        return checked(option, value, isWord(value));
    }

    /** {@code --name=value} for free text (tool rules, file paths) that only needs to stay one argument. */
    public static String text(String option, String value) {
        return checked(option, value, value != null && !value.isEmpty() && value.indexOf('\0') < 0);
    }

    private static String checked(String option, String value, boolean ok) {
        if (!ok) {
            throw new IllegalArgumentException(option + " has a value the agent's command line does not take");
        }
        return option + "=" + value;
    }
}
