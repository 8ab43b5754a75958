package dev.flightdeck.core.agent;

import dev.flightdeck.core.connector.AgentArgs;
import dev.flightdeck.core.connector.AgentHandle;
import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.Fields;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message or steer body (contract §1.5) as the client sent it, checked field by field: text,
 * images, skills and mentions, and for a message the model and effort its turn runs with. Pure. An
 * image naming an uploaded attachment is only looked up by {@link #resolve}, which has the store.
 *
 * @param images     what the agent is sent, attachments still by id
 * @param imageRows  what the row records, as the client sent it
 * @param refs       the skills (messages only) and mentions ({name, path}) the agent is given
 */
public record MessageRequest(String content, List<Image> images, JsonArray imageRows, String model, String effort,
                             String expectedTurnId, AgentHandle.References refs) {
    static final int MAX_CONTENT = 1_000_000;
    static final int MAX_IMAGES = 20;
    /** The Messages API refuses larger images. */
    static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    static final Set<String> EFFORTS = Set.of("minimal", "low", "medium", "high", "xhigh", "max");
    static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    static final int MAX_REFS = 20;
    static final int MAX_PATH = 4096;
    /** A skill name becomes Claude's /name command, so it is a plain identifier. */
    static final Pattern SKILL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}");
    private static final Pattern DATA_URL = Pattern.compile("data:([a-z/+.-]+);base64,(.*)", Pattern.DOTALL);

    /** An image of the body: an uploaded attachment's id, or an inline data: URL already decoded. */
    public record Image(String attachmentId, AgentHandle.ImageInput inline) {
    }

    /** Text alone, checked as a body's content is (a review sent to the agent). */
    public static MessageRequest text(String content) {
        checkLength(content);
        if (content == null || content.isBlank()) {
            throw ApiException.invalidField("content", "must not be empty (send text, images, skills or mentions)");
        }
        return new MessageRequest(content, List.of(), JsonValue.EMPTY_JSON_ARRAY, null, null, null,
                AgentHandle.References.NONE);
    }

    public static MessageRequest parse(JsonObject body, boolean steer) {
        if (body == null) {
            throw ErrorCode.INVALID_REQUEST.error("body: a JSON object is required");
        }
        String content = Fields.optionalString(body, "content");
        checkLength(content);
        List<Image> images = new ArrayList<>();
        JsonArray rows = JsonValue.EMPTY_JSON_ARRAY;
        JsonValue raw = body.get("images");
        if (raw != null && raw != JsonValue.NULL) {
            if (!(raw instanceof JsonArray a) || a.size() > MAX_IMAGES) {
                throw ApiException.invalidField("images", "must be an array of at most " + MAX_IMAGES + " images");
            }
            for (int i = 0; i < a.size(); i++) {
                images.add(image(a.get(i), "images[" + i + "]"));
            }
            rows = a;
        }
        List<AgentHandle.Reference> skills = steer ? List.of() : references(body, "skills", true);
        List<AgentHandle.Reference> mentions = references(body, "mentions", false);
        if ((content == null || content.isBlank()) && images.isEmpty() && skills.isEmpty() && mentions.isEmpty()) {
            throw ApiException.invalidField("content", "must not be empty (send text, images, skills or mentions)");
        }
        String model = steer ? null : Fields.optionalString(body, "model");
        if (model != null && !AgentArgs.isModel(model)) {
            throw ApiException.invalidField("model", AgentArgs.MODEL_RULE);
        }
        String effort = steer ? null : Fields.optionalString(body, "effort");
        if (effort != null && !EFFORTS.contains(effort)) {
            throw ApiException.invalidField("effort", "must be one of " + String.join(", ", new java.util.TreeSet<>(EFFORTS)));
        }
        return new MessageRequest(content == null ? "" : content, List.copyOf(images), rows, model, effort,
                Fields.optionalString(body, "expected_turn_id"), new AgentHandle.References(skills, mentions));
    }

    /**
     * What the agent is sent: attachments read through {@code attachments} (the stored image for an
     * id, or null when the session has none by that id).
     */
    public MessageInput resolve(Function<String, AgentHandle.ImageInput> attachments) {
        List<AgentHandle.ImageInput> resolved = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Image image = images.get(i);
            AgentHandle.ImageInput in = image.inline() != null ? image.inline() : attachments.apply(image.attachmentId());
            if (in == null) {
                throw ApiException.invalidField("images[" + i + "]", "no image attachment " + image.attachmentId()
                        + " in this session");
            }
            resolved.add(in);
        }
        return new MessageInput(content, List.copyOf(resolved), imageRows, model, effort, expectedTurnId, refs);
    }

    private static void checkLength(String content) {
        if (content != null && content.length() > MAX_CONTENT) {
            throw ApiException.invalidField("content", "must be at most " + MAX_CONTENT + " characters");
        }
    }

    /**
     * skills[] or mentions[]: objects with a path and a name (a skill's name is required and is an
     * identifier; a mention's defaults to the path's last segment).
     */
    static List<AgentHandle.Reference> references(JsonObject body, String field, boolean skill) {
        JsonValue raw = body.get(field);
        if (raw == null || raw == JsonValue.NULL) {
            return List.of();
        }
        if (!(raw instanceof JsonArray a) || a.size() > MAX_REFS) {
            throw ApiException.invalidField(field, "must be an array of at most " + MAX_REFS + " {name, path} objects");
        }
        List<AgentHandle.Reference> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String at = field + "[" + i + "]";
            if (!(a.get(i) instanceof JsonObject o) || !(o.get("path") instanceof JsonString p)) {
                throw ApiException.invalidField(at, "must be an object with a path (and a name)");
            }
            String path = p.getString();
            // Claude reads a mention as @path (quoted when it has spaces), so a path cannot carry quotes or line breaks.
            if (path.isBlank() || path.length() > MAX_PATH || path.chars().anyMatch(c -> c < 0x20 || c == '"')) {
                throw ApiException.invalidField(at + ".path", "must be a path of 1 to " + MAX_PATH
                        + " characters, without quotes or control characters");
            }
            String name = o.get("name") instanceof JsonString n ? n.getString() : null;
            if (skill ? name == null || !SKILL_NAME.matcher(name).matches()
                    : name != null && (name.isBlank() || name.length() > 200)) {
                throw ApiException.invalidField(at + ".name", skill
                        ? "must be a skill name (letters, digits, _ . : -, at most 200)" : "must be 1 to 200 characters");
            }
            if (name == null) {
                String trimmed = path.replaceAll("/+$", "");
                name = trimmed.isEmpty() ? path : trimmed.substring(trimmed.lastIndexOf('/') + 1);
            }
            out.add(new AgentHandle.Reference(name, path));
        }
        return List.copyOf(out);
    }

    /** An uploaded attachment ({@code input_type} attachment, value its id) or a data: URL ({@code input_type} url). */
    static Image image(JsonValue v, String field) {
        if (!(v instanceof JsonObject o) || !(o.get("value") instanceof JsonString value)) {
            throw ApiException.invalidField(field, "must be an object with input_type and value");
        }
        String type = o.getString("input_type", "url");
        if ("attachment".equals(type)) {
            return new Image(value.getString(), null);
        }
        Matcher m = DATA_URL.matcher(value.getString());
        if (!"url".equals(type) || !m.matches()) {
            throw ApiException.invalidField(field, "must be an attachment id (input_type attachment) or a data: URL "
                    + "(input_type url, data:image/png;base64,...)");
        }
        String mime = m.group(1);
        if (!IMAGE_TYPES.contains(mime)) {
            throw ApiException.invalidField(field, "must be one of " + String.join(", ", new java.util.TreeSet<>(IMAGE_TYPES)));
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(m.group(2).strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "is not valid base64");
        }
        if (bytes.length == 0 || bytes.length > MAX_IMAGE_BYTES) {
            throw ApiException.invalidField(field, "must be 1 byte to 5 MiB");
        }
        return new Image(null, new AgentHandle.ImageInput(mime, Base64.getEncoder().encodeToString(bytes)));
    }
}
