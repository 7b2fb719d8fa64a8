package dev.seedkit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets in everything a command prints: the value of any {@code password=} parameter, a password in a
 * URL's user-info part ({@code //user:secret@host}), and every password the command resolved, wherever it shows up.
 * Passwords shorter than {@value #MIN_SECRET_LENGTH} characters are only masked in URLs: masking every {@code x} of
 * the output would garble it and give the password away all the same.
 */
final class Redaction {

    static final String MASK = "***";
    static final int MIN_SECRET_LENGTH = 4;

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;\\s\"']*");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s\"']+:)[^@/\\s\"']+@");

    private final List<String> secrets = new ArrayList<>();

    /** Also hides {@code secret} from now on (a resolved password). */
    synchronized void add(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            secrets.add(secret);
        }
    }

    /** {@code text} with every known secret replaced by {@value #MASK}. */
    synchronized String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = url(text);
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** {@code url} (or any text holding one) with its password parameter and user-info password masked. */
    static String url(String url) {
        if (url == null) {
            return null;
        }
        String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return USER_INFO.matcher(masked).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
    }
}
