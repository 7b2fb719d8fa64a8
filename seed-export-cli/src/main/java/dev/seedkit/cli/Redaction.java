package dev.seedkit.cli;

import dev.seedkit.postgres.PostgresUrl;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The secrets a command has resolved (passwords, the masking secret), and the redaction of everything it prints
 * with them: {@link PostgresUrl#redact(String, java.util.Collection)}, Seedkit's one redaction, which masks a
 * secret where it stands as a password or a value, not every occurrence of a word.
 */
final class Redaction {

    private final Set<String> secrets = new LinkedHashSet<>();

    /** Also hides {@code secret} from now on (a resolved password). */
    synchronized void add(String secret) {
        if (secret != null && !secret.isEmpty()) {
            secrets.add(secret);
        }
    }

    /** {@code text} with passwords masked where they stand. */
    synchronized String apply(String text) {
        return PostgresUrl.redact(text, List.copyOf(secrets));
    }
}
