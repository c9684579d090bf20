package org.eldercare.api.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eldercare.api.system.RequestRefusedException;
import org.springframework.http.HttpStatus;

/** Reads a request body without ever holding, or reading, more than the limit. */
final class RequestBodies {

    private RequestBodies() {}

    static byte[] read(HttpServletRequest request, int limit) throws IOException {
        try (InputStream in = stream(request, limit)) {
            return in.readAllBytes();
        } catch (OverLimit e) {
            throw tooLarge(limit);
        }
    }

    /**
     * The body as a stream that fails with {@link OverLimit} once more than {@code limit} bytes have been
     * read, for parsers that consume it as it arrives. A declared {@code Content-Length} over the limit is
     * refused before anything is read.
     */
    static InputStream stream(HttpServletRequest request, int limit) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        return new Bounded(request.getInputStream(), limit);
    }

    static RequestRefusedException tooLarge(int limit) {
        return new RequestRefusedException(
                HttpStatus.CONTENT_TOO_LARGE, "body: must be at most " + limit + " bytes (5 MiB)");
    }

    /** The body went past the limit while it was read. */
    static final class OverLimit extends IOException {
        OverLimit(int limit) {
            super("body over " + limit + " bytes");
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final int limit;
        private long count;

        Bounded(InputStream in, int limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws OverLimit {
            count += n;
            if (count > limit) {
                throw new OverLimit(limit);
            }
        }
    }
}
