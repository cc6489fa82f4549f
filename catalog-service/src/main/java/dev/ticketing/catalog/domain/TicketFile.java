package dev.ticketing.catalog.domain;

import dev.ticketing.common.errors.BusinessRuleException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The ticket itself, as the seller attached it to a listing (docs/api.md, "Delivery and payouts"):
 * which stored content it is, its type and size. The content lives beside the listing in the store,
 * never in the listing's document.
 *
 * @param id the stored content's id (a new one with every upload)
 * @param type what the content is
 * @param size its length in bytes
 * @param attachedAt when the seller uploaded it
 */
public record TicketFile(String id, Type type, long size, Instant attachedAt) {

    public TicketFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(attachedAt, "attachedAt");
    }

    /**
     * A new upload of {@code content} declared as {@code type}: refused (400) when it is empty or
     * its bytes are not what the type says, so a renamed or disguised file never reaches a buyer.
     */
    public static TicketFile accept(String id, Type type, byte[] content, Instant now) {
        if (content.length == 0) {
            throw new BusinessRuleException("The ticket file is empty");
        }
        if (!type.matches(content)) {
            throw new BusinessRuleException("The ticket file is not a valid " + type.label);
        }
        return new TicketFile(id, type, content.length, now);
    }

    /** The three kinds of ticket file, each recognised by its own structure, not by its name. */
    public enum Type {
        PDF("application/pdf", "pdf", "PDF"),
        PNG("image/png", "png", "PNG image"),
        JPEG("image/jpeg", "jpg", "JPEG image");

        private static final byte[] PNG_SIGNATURE = {
            (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'
        };
        private static final byte[] PNG_END = {'I', 'E', 'N', 'D'};

        private final String mediaType;
        private final String extension;
        private final String label;

        Type(String mediaType, String extension, String label) {
            this.mediaType = mediaType;
            this.extension = extension;
            this.label = label;
        }

        public String mediaType() {
            return mediaType;
        }

        public String extension() {
            return extension;
        }

        /** The type a Content-Type names (parameters and case ignored), if it is one of ours. */
        public static Optional<Type> ofMediaType(String contentType) {
            if (contentType == null) {
                return Optional.empty();
            }
            String bare = contentType.split(";", 2)[0].trim();
            return Arrays.stream(values())
                    .filter(t -> t.mediaType.equalsIgnoreCase(bare))
                    .findFirst();
        }

        /**
         * Whether the bytes are a whole file of this type: its signature at the start and its end
         * marker at the end (a truncated upload or another format with a borrowed header fails).
         */
        boolean matches(byte[] c) {
            return switch (this) {
                case PDF ->
                        startsWith(c, "%PDF-".getBytes(StandardCharsets.US_ASCII))
                                && tailContains(c, "%%EOF".getBytes(StandardCharsets.US_ASCII));
                case PNG ->
                        startsWith(c, PNG_SIGNATURE)
                                && c.length >= 33
                                && c[12] == 'I'
                                && c[13] == 'H'
                                && c[14] == 'D'
                                && c[15] == 'R'
                                && tailContains(c, PNG_END);
                case JPEG ->
                        c.length >= 4
                                && (c[0] & 0xFF) == 0xFF
                                && (c[1] & 0xFF) == 0xD8
                                && (c[2] & 0xFF) == 0xFF
                                && tailContains(c, new byte[] {(byte) 0xFF, (byte) 0xD9});
            };
        }

        private static boolean startsWith(byte[] c, byte[] prefix) {
            return c.length >= prefix.length
                    && Arrays.equals(c, 0, prefix.length, prefix, 0, prefix.length);
        }

        /** Within the last KiB: writers may add a newline or padding after the end marker. */
        private static boolean tailContains(byte[] c, byte[] marker) {
            int from = Math.max(0, c.length - 1024);
            for (int i = c.length - marker.length; i >= from; i--) {
                if (Arrays.equals(c, i, i + marker.length, marker, 0, marker.length)) {
                    return true;
                }
            }
            return false;
        }
    }
}
