package dev.flightdeck.core.attachment;

import dev.flightdeck.core.config.DataDir;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Image attachments, stored as files under {@code <data dir>/attachments/<session id>/}. Names are
 * chosen here ({@code img-<uuid>.<ext>}), and an id is only ever used after it matched that exact
 * form, so no client-chosen id can name a path outside the store.
 */
@ApplicationScoped
public class AttachmentStore {
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    static final Map<String, String> EXTENSIONS = Map.of("image/png", "png", "image/jpeg", "jpg",
            "image/gif", "gif", "image/webp", "webp");
    static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "gif", "image/gif",
            "webp", "image/webp");
    private static final Pattern ID = Pattern.compile("img-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.(png|jpg|gif|webp)");
    private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    DataDir dataDir;

    public record Stored(String id, String mimeType, byte[] bytes) {
    }

    /** The MIME type without parameters, lower-cased, if it is one of the image types kept here; else null. */
    public static String imageType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String t = contentType.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
        return EXTENSIONS.containsKey(t) ? t : null;
    }

    public String store(String sessionId, String mimeType, byte[] bytes) {
        String id = "img-" + UUID.randomUUID() + "." + EXTENSIONS.get(mimeType);
        try {
            Path dir = dir(sessionId);
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
            Files.write(tmp, bytes, StandardOpenOption.TRUNCATE_EXISTING);
            // Renamed into place, so a reader never sees half a file.
            Files.move(tmp, dir.resolve(id), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw ErrorCode.ATTACHMENT_STORE_FAILED.error("could not store the image");
        }
        return id;
    }

    public Stored read(String sessionId, String id) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) {
            throw ErrorCode.ATTACHMENT_READ_FAILED.error("no image attachment " + id);
        }
        try {
            return new Stored(id, TYPES.get(m.group(1)), Files.readAllBytes(dir(sessionId).resolve(id)));
        } catch (IOException e) {
            throw ErrorCode.ATTACHMENT_READ_FAILED.error("no image attachment " + id);
        }
    }

    private Path dir(String sessionId) {
        if (!SESSION.matcher(sessionId).matches()) {
            throw ErrorCode.NOT_FOUND.error("no session " + sessionId);
        }
        return dataDir.path().resolve("attachments").resolve(sessionId);
    }
}
