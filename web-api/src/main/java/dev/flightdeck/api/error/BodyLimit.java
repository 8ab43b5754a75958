package dev.flightdeck.api.error;

import dev.flightdeck.core.error.ApiException;
import dev.flightdeck.core.error.ErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Caps request bodies at 16 MiB: by the declared length before anything is read, and by counting
 * for chunked bodies, so an oversized body is refused with 413 and never buffered whole.
 */
@Provider
@PreMatching
public class BodyLimit implements ContainerRequestFilter {
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(Errors.forStatus(413));
        } else if (request.hasEntity()) {
            request.setEntityStream(new Capped(request.getEntityStream()));
        }
    }

    private static final class Capped extends FilterInputStream {
        private long read;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > MAX_BYTES) {
                throw ErrorCode.PAYLOAD_TOO_LARGE.error("the request body exceeds 16 MiB");
            }
        }
    }
}
