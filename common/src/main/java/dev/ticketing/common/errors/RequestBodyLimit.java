package dev.ticketing.common.errors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses request bodies over {@code ticketing.http.max-body-bytes} (default 1 MiB) with 413: a
 * declared Content-Length is refused before anything is read; a chunked body is cut off as soon as
 * it passes the limit, so no client can make a service buffer an unbounded body. A file upload (a
 * PUT to a path ending in {@code /file}, docs/api.md "Delivery and payouts") has its own limit,
 * {@code ticketing.http.max-file-bytes} (default 5 MiB).
 */
@Provider
@PreMatching
public class RequestBodyLimit implements ContainerRequestFilter {
    static final String MAX_BYTES_PROPERTY = "ticketing.http.max-body-bytes";
    static final long DEFAULT_MAX_BYTES = 1024 * 1024;
    static final String MAX_FILE_BYTES_PROPERTY = "ticketing.http.max-file-bytes";
    static final long DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

    private final long maxBodyBytes;
    private final long maxFileBytes;

    public RequestBodyLimit() {
        this(
                ConfigProvider.getConfig()
                        .getOptionalValue(MAX_BYTES_PROPERTY, Long.class)
                        .orElse(DEFAULT_MAX_BYTES),
                ConfigProvider.getConfig()
                        .getOptionalValue(MAX_FILE_BYTES_PROPERTY, Long.class)
                        .orElse(DEFAULT_MAX_FILE_BYTES));
    }

    RequestBodyLimit(long maxBytes) {
        this(maxBytes, DEFAULT_MAX_FILE_BYTES);
    }

    RequestBodyLimit(long maxBodyBytes, long maxFileBytes) {
        this.maxBodyBytes = maxBodyBytes;
        this.maxFileBytes = maxFileBytes;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        boolean fileUpload =
                "PUT".equals(request.getMethod())
                        && request.getUriInfo().getPath().endsWith("/file");
        long maxBytes = fileUpload ? maxFileBytes : maxBodyBytes;
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            try {
                if (declaredLength(declared) > maxBytes) {
                    request.abortWith(Problems.response(413, Problems.BODY_TOO_LARGE));
                    return;
                }
            } catch (NumberFormatException e) {
                request.abortWith(Problems.badRequest(Problems.BAD_REQUEST));
                return;
            }
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
        }
    }

    /**
     * The declared length. Liberty 26.0.0.3 reports an HTTP/2 request's Content-Length twice,
     * joined ("46,46"), so identical repeats are one value; differing ones are a malformed request.
     */
    static long declaredLength(String header) {
        long length = -1;
        for (String part : header.split(",")) {
            long value = Long.parseLong(part.trim());
            if (value < 0 || (length >= 0 && value != length)) {
                throw new NumberFormatException("conflicting Content-Length " + header);
            }
            length = value;
        }
        return length;
    }

    /** Thrown while reading a body that turned out longer than the limit. */
    public static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("request body exceeds " + maxBytes + " bytes");
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long maxBytes;
        private long read;

        Limited(InputStream in, long maxBytes) {
            super(in);
            this.maxBytes = maxBytes;
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
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }
    }
}
