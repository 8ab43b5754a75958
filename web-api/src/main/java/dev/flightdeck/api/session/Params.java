package dev.flightdeck.api.session;

import dev.flightdeck.core.error.ApiException;

/** Query parameters, validated so a bad one is a 400 that names it. */
public final class Params {
    private Params() {
    }

    public static int intParam(String name, String raw, int dflt, int min, int max) {
        if (raw == null || raw.isEmpty()) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(raw);
            if (v < min || v > max) {
                throw ApiException.invalidField(name, "must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, "must be an integer");
        }
    }

    public static Long optionalLong(String name, String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.invalidField(name, "must be an integer");
        }
    }

    /** A boolean query flag: absent is false; true/1 and false/0, else 400 naming the parameter. */
    public static boolean flag(String name, String raw) {
        if (raw == null || raw.equals("false") || raw.equals("0")) {
            return false;
        }
        if (raw.isEmpty() || raw.equals("true") || raw.equals("1")) {
            return true;
        }
        throw ApiException.invalidField(name, "must be true or false");
    }
}
