package dev.flightdeck.core.mission.tracker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GraphQL documents, one named operation per {@code .graphql} resource under
 * {@code dev/flightdeck/core/mission/tracker/<kind>/}. A document that spreads {@code ...Name} gets the
 * fragment file {@code Name.graphql} appended, so each request carries exactly the fragments it uses
 * (GraphQL servers refuse unused ones).
 */
public final class Documents {
    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([A-Z][A-Za-z0-9_]*)");
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Documents() {
    }

    public static String load(TrackerKind kind, String operation) {
        return CACHE.computeIfAbsent(kind.wire() + "/" + operation, k -> assemble(kind, operation));
    }

    private static String assemble(TrackerKind kind, String operation) {
        StringBuilder out = new StringBuilder(read(kind, operation));
        Set<String> added = new LinkedHashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            Matcher m = SPREAD.matcher(out.toString());
            Set<String> wanted = new LinkedHashSet<>();
            while (m.find()) {
                wanted.add(m.group(1));
            }
            for (String fragment : wanted) {
                if (added.add(fragment)) {
                    out.append('\n').append(read(kind, fragment));
                    grew = true;
                }
            }
        }
        return out.toString();
    }

    private static String read(TrackerKind kind, String name) {
        String path = "/dev/flightdeck/core/mission/tracker/" + kind.wire() + "/" + name + ".graphql";
        try (InputStream in = Documents.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing GraphQL document " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
