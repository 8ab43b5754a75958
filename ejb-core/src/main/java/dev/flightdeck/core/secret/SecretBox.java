package dev.flightdeck.core.secret;

import dev.flightdeck.core.config.DataDir;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Secrets at rest: AES-256-GCM with a random 12-byte nonce, written {@code enc:v1:<base64(nonce|ciphertext|tag)>}.
 * The key is FLIGHTDECK_ENCRYPTION_KEY (base64 of 32 bytes) or else {@code encryption.key} in the data
 * directory, made owner-only on first use.
 */
@ApplicationScoped
public class SecretBox {
    public static final String PREFIX = "enc:v1:";
    static final String KEY_FILE = "encryption.key";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "FLIGHTDECK_ENCRYPTION_KEY")
    Optional<String> configuredKey;

    @Inject
    DataDir dataDir;

    private volatile SecretKeySpec key;

    public SecretBox() {
    }

    /** A box with this key, for tests and tools. */
    public static SecretBox withKey(byte[] key) {
        SecretBox box = new SecretBox();
        box.key = spec(key);
        return box;
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String seal(String plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(PREFIX.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new SecretException("encryption failed", e);
        }
    }

    /** The plaintext; a value that was altered, or sealed with another key, is a {@link SecretException}. */
    public String open(String sealed) {
        if (!isSealed(sealed)) {
            throw new SecretException("not a sealed value", null);
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretException("sealed value is not base64", null);
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretException("sealed value is too short", null);
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(PREFIX.getBytes(StandardCharsets.US_ASCII));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretException("sealed value was altered or sealed with another key", null);
        } catch (GeneralSecurityException e) {
            throw new SecretException("decryption failed", e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = load();
                }
                k = key;
            }
        }
        return k;
    }

    private SecretKeySpec load() {
        Optional<String> configured = configuredKey == null ? Optional.empty() : configuredKey.filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            return spec(decodeKey(configured.get().trim(), "FLIGHTDECK_ENCRYPTION_KEY"));
        }
        return spec(keyFile(dataDir.path().resolve(KEY_FILE)));
    }

    /** Reads the key file, or writes a fresh random key there (0600) when there is none yet. */
    static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path tmp = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                try {
                    Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n");
                    // Complete before it has the real name, so a crash never leaves an empty key file.
                    Files.move(tmp, file);
                    return fresh;
                } catch (FileAlreadyExistsException raced) {
                    // another node or thread made it first: use theirs
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return decodeKey(Files.readString(file).trim(), file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the encryption key file", e);
        }
    }

    private static byte[] decodeKey(String base64, String source) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SecretException(source + " is not base64", null);
        }
        if (k.length != 32) {
            Arrays.fill(k, (byte) 0);
            throw new SecretException(source + " must be 32 bytes (base64)", null);
        }
        return k;
    }

    private static SecretKeySpec spec(byte[] key) {
        if (key.length != 32) {
            throw new SecretException("an AES-256 key is 32 bytes", null);
        }
        return new SecretKeySpec(key, "AES");
    }
}
