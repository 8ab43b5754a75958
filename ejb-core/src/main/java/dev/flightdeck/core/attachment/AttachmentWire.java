package dev.flightdeck.core.attachment;

/** Attachment responses (contract §1.6). */
public final class AttachmentWire {
    private AttachmentWire() {
    }

    /** How a message refers to an image: {@code input_type} attachment and the stored id as value. */
    public record ImageRef(String inputType, String value, String mimeType, String displayName, String detail) {
    }

    public record Uploaded(ImageRef image) {
    }
}
