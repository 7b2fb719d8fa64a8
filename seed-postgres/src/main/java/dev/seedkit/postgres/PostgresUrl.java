package dev.seedkit.postgres;

import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/**
 * Parses and builds PostgreSQL JDBC URLs, and hides passwords in any text before it is logged or printed: Seedkit's
 * one redaction, which the command line and the JUnit extension use too.
 *
 * <p>{@link #redact(String, Collection)} masks a password where it stands as a password, never every occurrence of
 * a word: with the password {@code postgres}, {@code jdbc:postgresql://localhost/postgres?user=postgres} keeps its
 * scheme, database and user, and only {@code password=postgres} becomes {@code password=***}.
 */
public final class PostgresUrl {

    /** What a password is replaced with. */
    public static final String MASK = "***";

    /**
     * {@code password=...}, {@code PGPASSWORD=...}, {@code masking_secret=...}: a key naming a secret, then a
     * value.
     */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)(\\b\\w*(?:password|passwd|pwd|secret)\\w*\\s*=\\s*)[^&;,\\s\"'(){}\\[\\]]+");

    /** {@code "password" : "..."} in JSON. */
    private static final Pattern SECRET_JSON_FIELD = Pattern.compile(
            "(?i)(\"\\w*(?:password|passwd|pwd|secret)\\w*\"\\s*:\\s*\")(?:[^\"\\\\]|\\\\.)*\"");

    /** {@code //user:password@host}: the user-info part of a URL. */
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s\"']+:)[^@/\\s\"']+@");

    /** A key whose value is a role name, which stays even when it equals a password. */
    private static final Pattern USER_KEY = Pattern.compile("(?i)\\w*(?:user|username|role)");

    /** Known passwords shorter than this are only masked by position (after {@code password=}, in user-info). */
    private static final int MIN_KNOWN_LENGTH = 4;

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private PostgresUrl(String host, int port, String database, String user, String password) {
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    static String of(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Parses a URL with PgJDBC's own parser, so every form the driver accepts is understood. */
    static PostgresUrl parse(String url) {
        Properties props = url == null ? null : Driver.parseURL(url, null);
        if (props == null) {
            throw new PostgresServerException("Not a PostgreSQL JDBC URL: '" + redact(url)
                    + "'. Expected jdbc:postgresql://host:port/database, e.g. "
                    + "jdbc:postgresql://localhost:5432/postgres");
        }
        String host = props.getProperty("PGHOST", "localhost").split(",")[0];
        int port = Integer.parseInt(props.getProperty("PGPORT", "5432").split(",")[0]);
        String database = props.getProperty("PGDBNAME", "");
        return new PostgresUrl(host, port, database.isEmpty() ? "postgres" : database,
                props.getProperty("user"), props.getProperty("password"));
    }

    /**
     * {@code text} (a URL, a message, a stack trace) with every password that stands where passwords stand masked:
     * the value of a {@code password=} parameter or of any {@code ...PASSWORD=} / {@code ...SECRET=} assignment,
     * a {@code "password"} JSON field, and the password of a URL's {@code //user:password@} part.
     */
    public static String redact(String text) {
        return redact(text, List.of());
    }

    /**
     * Like {@link #redact(String)}, and also hides each of {@code passwords} (the ones actually in use) where it
     * stands as a whole value: after {@code =} or {@code :} (and an optional quote), up to the end of the value.
     * It stays where it is part of a longer word ({@code postgres} in {@code postgresql}) and where it is the
     * value of a user key ({@code user=postgres}), so user names and URLs remain readable.
     */
    public static String redact(String text, Collection<String> passwords) {
        if (text == null) {
            return null;
        }
        String result = SECRET_JSON_FIELD.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "\"");
        result = SECRET_ASSIGNMENT.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        result = USER_INFO.matcher(result).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        for (String password : passwords) {
            if (password != null && password.length() >= MIN_KNOWN_LENGTH) {
                result = maskValues(result, password);
            }
        }
        return result;
    }

    /** Masks {@code password} wherever it is a whole value after {@code =} or {@code :}. */
    private static String maskValues(String text, String password) {
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        for (int at = text.indexOf(password); at >= 0; at = text.indexOf(password, at + 1)) {
            int end = at + password.length();
            if (at >= copied && startsValue(text, at) && endsValue(text, end)) {
                out.append(text, copied, at).append(MASK);
                copied = end;
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** Whether the value ends at {@code end}: the text ends, or a character follows that no word continues with. */
    private static boolean endsValue(String text, int end) {
        if (end == text.length()) {
            return true;
        }
        char next = text.charAt(end);
        if (next == '.') {
            return end + 1 == text.length() || Character.isWhitespace(text.charAt(end + 1));
        }
        return !Character.isLetterOrDigit(next) && next != '_' && next != '-';
    }

    /** Whether {@code at} starts a value: after {@code =} or {@code :}, spaces and a quote, not of a user key. */
    private static boolean startsValue(String text, int at) {
        int i = at - 1;
        if (i >= 0 && (text.charAt(i) == '"' || text.charAt(i) == '\'')) {
            i--;
        }
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        if (i < 0 || text.charAt(i) != '=' && text.charAt(i) != ':') {
            return false;
        }
        return !USER_KEY.matcher(keyBefore(text, i)).matches();
    }

    /** The word before the {@code =} or {@code :} at {@code separator}, quotes and spaces skipped. */
    private static String keyBefore(String text, int separator) {
        int end = separator;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '"')) {
            end--;
        }
        int start = end;
        while (start > 0 && (Character.isLetterOrDigit(text.charAt(start - 1)) || text.charAt(start - 1) == '_')) {
            start--;
        }
        return text.substring(start, end);
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    String database() {
        return database;
    }

    /** User given in the URL, or {@code null}. */
    String user() {
        return user;
    }

    /** Password given in the URL, or {@code null}. */
    String password() {
        return password;
    }
}
