package dev.flightdeck.core.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTest {
    static byte[] randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void roundTripsAndNeverShowsThePlaintext() {
        SecretBox box = SecretBox.withKey(randomKey());
        String secret = "lin_api_0123456789abcdef";
        String sealed = box.seal(secret);
        assertThat(sealed).startsWith("enc:v1:").doesNotContain(secret);
        assertThat(sealed).doesNotContain(Base64.getEncoder().encodeToString(secret.getBytes()));
        assertThat(box.open(sealed)).isEqualTo(secret);
        // A fresh nonce each time: the same secret never seals to the same text.
        assertThat(box.seal(secret)).isNotEqualTo(sealed);
        byte[] raw = Base64.getDecoder().decode(sealed.substring("enc:v1:".length()));
        assertThat(raw).hasSize(12 + secret.length() + 16);
    }

    @Test
    void aTamperedValueIsRefused() {
        SecretBox box = SecretBox.withKey(randomKey());
        String sealed = box.seal("ghp_secret");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("enc:v1:".length()));
        raw[raw.length - 20] ^= 1;
        String tampered = "enc:v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(SecretException.class).hasMessageContaining("altered");
        assertThatThrownBy(() -> box.open("enc:v1:!!!")).isInstanceOf(SecretException.class);
        assertThatThrownBy(() -> box.open("ghp_secret")).isInstanceOf(SecretException.class);
        assertThatThrownBy(() -> box.open("enc:v1:AAAA")).isInstanceOf(SecretException.class);
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = SecretBox.withKey(randomKey()).seal("ghp_secret");
        assertThatThrownBy(() -> SecretBox.withKey(randomKey()).open(sealed)).isInstanceOf(SecretException.class)
                .hasMessageNotContaining("ghp_secret");
    }

    @Test
    void theKeyFileIsCreatedOwnerOnlyOnceAndReusedAfter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data").resolve("encryption.key");
        byte[] first = SecretBox.keyFile(file);
        assertThat(first).hasSize(32);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(SecretBox.keyFile(file)).isEqualTo(first);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        String sealed = SecretBox.withKey(first).seal("x");
        assertThat(SecretBox.withKey(SecretBox.keyFile(file)).open(sealed)).isEqualTo("x");
    }

    @Test
    void aKeyFileOfTheWrongSizeIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("encryption.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(() -> SecretBox.keyFile(file)).isInstanceOf(SecretException.class).hasMessageContaining("32 bytes");
    }
}
