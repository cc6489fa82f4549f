package dev.ticketing.nats;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Reads one channel's properties from the {@link Config} SmallRye hands to the connector (channel
 * properties merged over {@code mp.messaging.connector.nats-jetstream.*}). Every value is read as a
 * string and parsed here, so error messages are ours and name the channel and the full property.
 */
final class SettingsReader {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

    private final Config config;
    private final ChannelSettings.Direction direction;
    final String channel;

    SettingsReader(Config config, ChannelSettings.Direction direction) {
        this.config = config;
        this.direction = direction;
        this.channel = config.getOptionalValue("channel-name", String.class).orElse("<unnamed>");
    }

    String property(String name) {
        return direction.prefix() + channel + "." + name;
    }

    ChannelConfigException invalid(Setting s, String value, String why) {
        return new ChannelConfigException(
                "nats-jetstream "
                        + direction.name().toLowerCase(Locale.ROOT)
                        + " channel '"
                        + channel
                        + "': property "
                        + property(s.name())
                        + " = '"
                        + value
                        + "' "
                        + why);
    }

    Optional<String> optional(Setting s) {
        return config.getOptionalValue(s.name(), String.class)
                .map(String::trim)
                .filter(v -> !v.isEmpty());
    }

    String string(Setting s) {
        return optional(s).orElse(s.defaultValue());
    }

    String url(Setting s) {
        String url = string(s);
        for (String u : url.split(",")) {
            String one = u.trim();
            if (one.isEmpty()
                    || !one.matches("(?i)((nats|tls|opentls|ws|wss)://)?[^\\s/]+(:\\d+)?/?")) {
                throw invalid(
                        s,
                        url,
                        "is not a NATS server URL list (e.g. nats://127.0.0.1:4222,nats://other:4222)");
            }
        }
        return url;
    }

    String name(Setting s) {
        String v = string(s);
        if (!NAME.matcher(v).matches()) {
            throw invalid(s, v, "may only contain letters, digits, '_' and '-'");
        }
        return v;
    }

    String requiredName(Setting s, String hint) {
        if (optional(s).isEmpty()) {
            throw new ChannelConfigException(
                    "nats-jetstream "
                            + direction.name().toLowerCase(Locale.ROOT)
                            + " channel '"
                            + channel
                            + "': property "
                            + property(s.name())
                            + " is required ("
                            + hint
                            + ")");
        }
        return name(s);
    }

    List<String> subjects(Setting s) {
        List<String> out = new ArrayList<>();
        for (String one : string(s).split(",")) {
            out.add(subject(s, one.trim(), true));
        }
        return List.copyOf(out);
    }

    Optional<String> optionalSubject(Setting s, boolean wildcardsAllowed) {
        return optional(s).map(v -> subject(s, v, wildcardsAllowed));
    }

    String subject(Setting s, boolean wildcardsAllowed) {
        return subject(s, string(s), wildcardsAllowed);
    }

    /** NATS subject syntax: non-empty tokens, '*' only as a whole token, '>' only as the last. */
    private String subject(Setting s, String value, boolean wildcardsAllowed) {
        String[] tokens = value.split("\\.", -1);
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            boolean bad =
                    t.isEmpty()
                            || t.chars().anyMatch(Character::isWhitespace)
                            || (t.contains("*") && !t.equals("*"))
                            || (t.contains(">") && (!t.equals(">") || i != tokens.length - 1));
            if (bad) {
                throw invalid(s, value, "is not a valid NATS subject");
            }
            if (!wildcardsAllowed && (t.equals("*") || t.equals(">"))) {
                throw invalid(s, value, "must not contain wildcards");
            }
        }
        return value;
    }

    <E extends Enum<E>> E choice(Setting s, Class<E> type) {
        String v = string(s);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw invalid(
                    s,
                    v,
                    "must be one of "
                            + Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    boolean bool(Setting s) {
        String v = string(s);
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw invalid(s, v, "must be true or false");
        }
    }

    int intRange(Setting s, int min, int max) {
        String v = string(s);
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                throw invalid(s, v, "must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw invalid(s, v, "is not an integer");
        }
    }

    Duration duration(Setting s) {
        return parseDuration(s, string(s));
    }

    Duration durationAtLeast(Setting s, Duration min, String why) {
        Duration d = duration(s);
        if (d.compareTo(min) < 0) {
            throw invalid(s, string(s), why);
        }
        return d;
    }

    List<Duration> durations(Setting s) {
        List<Duration> out = new ArrayList<>();
        for (String part : string(s).split(",", -1)) {
            out.add(parseDuration(s, part.trim()));
        }
        return List.copyOf(out);
    }

    /** Accepts 500ms, 30s, 2m, 1h, 1d, a plain number of milliseconds, or ISO-8601 (PT30S). */
    private Duration parseDuration(Setting s, String v) {
        Duration d;
        Matcher m = SIMPLE_DURATION.matcher(v.toLowerCase(Locale.ROOT));
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                String unit = m.group(2) == null ? "ms" : m.group(2);
                switch (unit) {
                    case "s":
                        d = Duration.ofSeconds(n);
                        break;
                    case "m":
                        d = Duration.ofMinutes(n);
                        break;
                    case "h":
                        d = Duration.ofHours(n);
                        break;
                    case "d":
                        d = Duration.ofDays(n);
                        break;
                    default:
                        d = Duration.ofMillis(n);
                        break;
                }
            } else {
                d = Duration.parse(v.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
            throw invalid(s, v, "is not a duration (e.g. 500ms, 30s, 2m, PT30S)");
        }
        if (d.isZero() || d.isNegative()) {
            throw invalid(s, v, "must be a positive duration");
        }
        return d;
    }
}
