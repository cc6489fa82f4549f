package dev.ticketing.auth.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 10,000 most common passwords, from the frequency-ranked list zxcvbn4j ships (the list of
 * Dropbox's zxcvbn, built from leaked password sets): what NIST SP 800-63B asks new passwords to be
 * checked against. Compared case-insensitively. Loaded once, from the library in the WAR.
 */
public final class CommonPasswords {
    static final String LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
    public static final int SIZE = 10_000;

    private static final Set<String> TOP = load();

    private CommonPasswords() {}

    /** True when {@code password} is one of the most common ones. */
    public static boolean isCommon(String password) {
        return TOP.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the common password list " + LIST + " is missing (zxcvbn4j)");
            }
            Set<String> top = new HashSet<>(SIZE * 2);
            BufferedReader lines =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while (top.size() < SIZE && (line = lines.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty()) {
                    top.add(word.toLowerCase(Locale.ROOT));
                }
            }
            return Set.copyOf(top);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
