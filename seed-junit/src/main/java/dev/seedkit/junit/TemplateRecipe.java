package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Everything that goes into one template database, checked and read before any database work: the snapshot
 * (found, identified and compared with the pins), the init scripts' text and the initializer. Its
 * {@link #fingerprint()} names the template, so every JVM that prepares the same recipe finds the same template.
 */
final class TemplateRecipe {

    /** An init script and its text. */
    record InitScript(String location, String content) {
    }

    private static final String FORMAT = "seedkit template v1";

    private final SeedRequest request;
    private final SnapshotIdentity identity;
    private final List<InitScript> scripts;
    private final Class<? extends SchemaInitializer> initializer;
    private final TemplateSeeder seeder;
    private final String fingerprint;

    private TemplateRecipe(SeedRequest request, SnapshotIdentity identity, List<InitScript> scripts,
                           Class<? extends SchemaInitializer> initializer, TemplateSeeder seeder) {
        this.request = request;
        this.identity = identity;
        this.scripts = List.copyOf(scripts);
        this.initializer = initializer;
        this.seeder = seeder;
        this.fingerprint = computeFingerprint();
    }

    /**
     * Identifies the snapshot, checks the pins and takes the init scripts' text, through {@code reads}, which reads
     * each file once per run; fails with what to fix.
     */
    static TemplateRecipe prepare(SeedSettings settings, RecipeReads reads) {
        SeedRequest request = settings.request();
        SnapshotIdentity identity = reads.identity(request);
        checkPin("version", request.version(), identity.version(), request);
        checkPin("checksum", request.checksum(), identity.checksum(), request);
        List<InitScript> scripts = settings.initScripts().stream()
                .map(location -> new InitScript(location, reads.script(location, request.origin())))
                .toList();
        return new TemplateRecipe(request, identity, scripts, settings.initializer(), reads.seeder());
    }

    private static void checkPin(String what, String pinned, String found, SeedRequest request) {
        if (pinned.isEmpty() || pinned.equals(found)) {
            return;
        }
        if (found == null) {
            throw new ExtensionConfigurationException(request.origin() + " pins snapshot " + what + " \"" + pinned
                    + "\", but snapshot " + request.location() + " states no " + what + ", so the pin cannot be "
                    + "checked: remove the pin, or re-export the snapshot.");
        }
        throw new ExtensionConfigurationException("Snapshot " + request.location() + " is not the pinned one: "
                + request.origin() + " expects " + what + " \"" + pinned + "\", found \"" + found + "\". If the new "
                + "snapshot is intended, change the pin to " + what + " = \"" + found + "\"; otherwise restore the "
                + "snapshot.");
    }

    /** Creates the schema and imports the snapshot into the new, empty template behind {@code template}. */
    SeedOutcome applyTo(DataSource template) throws Exception {
        for (InitScript script : scripts) {
            SqlScriptRunner.run(template, script.location(), script.content());
        }
        if (initializer != null) {
            runInitializer(template);
        }
        return seeder.seed(template, request);
    }

    private void runInitializer(DataSource template) {
        try {
            ReflectionSupport.newInstance(initializer).initialize(template);
        } catch (SeedException e) {
            throw new SeedException(e.code(), "Schema initializer " + initializer.getName() + " failed ("
                    + request.origin() + "): " + e.getMessage(), e);
        } catch (Exception e) {
            throw new SeedException(SeedException.Code.DATABASE, "Schema initializer " + initializer.getName()
                    + " failed (" + request.origin() + "): " + e, e);
        }
    }

    SeedRequest request() {
        return request;
    }

    SnapshotIdentity identity() {
        return identity;
    }

    /** 64 hex digits that change whenever anything that goes into the template changes. */
    String fingerprint() {
        return fingerprint;
    }

    /** For logs: the snapshot, the tables if only some, and the schema initialisation. */
    String description() {
        return request.location() + (request.tables().isEmpty() ? "" : " " + request.tables())
                + (scripts.isEmpty() ? "" : " after " + scripts.stream().map(InitScript::location).toList())
                + (initializer == null ? "" : " after " + initializer.getSimpleName());
    }

    private String computeFingerprint() {
        StringBuilder text = new StringBuilder(FORMAT).append('\n')
                .append(request.location()).append('\n')
                .append(String.join(",", request.tables())).append('\n')
                .append(request.mode()).append('\n')
                .append(request.naturalKeys().isEmpty() ? "" : "natural keys " + request.naturalKeys() + "\n");
        scripts.forEach(script -> text.append(script.location()).append(' ').append(sha256(script.content()))
                .append('\n'));
        text.append(initializer == null ? "" : initializer.getName()).append('\n')
                .append(identity.version()).append(' ').append(identity.checksum()).append('\n')
                .append(seeder.getClass().getName());
        return sha256(text.toString());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
