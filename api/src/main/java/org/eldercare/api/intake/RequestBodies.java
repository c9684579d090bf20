package org.eldercare.api.intake;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.eldercare.api.system.RequestRefusedException;
import org.springframework.http.HttpStatus;

/** Reads a request body without ever holding more than the limit in memory. */
final class RequestBodies {

    private RequestBodies() {}

    static byte[] read(HttpServletRequest request, int limit) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static RequestRefusedException tooLarge(int limit) {
        return new RequestRefusedException(
                HttpStatus.CONTENT_TOO_LARGE, "body: must be at most " + limit + " bytes (5 MiB)");
    }
}
