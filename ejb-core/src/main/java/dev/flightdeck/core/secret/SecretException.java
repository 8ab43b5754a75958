package dev.flightdeck.core.secret;

/** A secret that cannot be sealed or opened; the message never holds the secret or the key. */
@jakarta.ejb.ApplicationException(rollback = false)
public class SecretException extends RuntimeException {
    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
