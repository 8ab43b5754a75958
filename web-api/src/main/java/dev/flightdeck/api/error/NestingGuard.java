package dev.flightdeck.api.error;

import dev.flightdeck.core.error.ErrorCode;
import dev.flightdeck.core.json.NestingLimit;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses, with a 400 while it is read, a JSON body nested deeper than {@link NestingLimit#MAX_DEPTH}
 * (a parser building its tree would overflow the stack) or with a NUL in a string (no path, argv or
 * PostgreSQL text can hold one).
 */
@Provider
@PreMatching
public class NestingGuard implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        if (request.hasEntity()) {
            request.setEntityStream(new Guarded(request.getEntityStream()));
        }
    }

    private static final class Guarded extends FilterInputStream {
        private final NestingLimit limit = new NestingLimit(NestingLimit.MAX_DEPTH);

        Guarded(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && !limit.accept(b)) {
                refuse(limit.problem());
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0 && !limit.accept(buf, off, n)) {
                refuse(limit.problem());
            }
            return n;
        }

        private static void refuse(NestingLimit.Problem problem) {
            throw ErrorCode.INVALID_REQUEST.error(problem == NestingLimit.Problem.NUL
                    ? "body: a string may not contain NUL (\\u0000)"
                    : "body: JSON nested deeper than " + NestingLimit.MAX_DEPTH + " levels");
        }
    }
}
