package dev.seedkit.junit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which JUnit Jupiter the tests run on, and whether Seedkit supports it: 5.9 up to every 6.x release. Seedkit is
 * compiled against one JUnit and uses only extension API that 5.9 has (and that 6.x still has), so any 6.x minor
 * works; 7.0 may remove what 6.x deprecates ({@code Store.CloseableResource}, {@code getOrComputeIfAbsent}), so it
 * is refused with a clear message instead of failing later with a {@code NoSuchMethodError}.
 *
 * <p>The version is the {@code Implementation-Version} of the junit-jupiter-api jar. A jar without one, or whose
 * manifest is another's (a repackaged, shaded or self-built JUnit), is judged by its API: it must have 5.9's
 * {@code ExecutableInvoker} and still have {@code CloseableResource}.
 */
final class JupiterVersion {

    static final String SUPPORTED = "JUnit Jupiter 5.9 to 6.x";

    private static final Logger log = LoggerFactory.getLogger(JupiterVersion.class);
    private static final Pattern MAJOR_MINOR = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final Optional<String> PROBLEM = problem(onClassPath(),
            present("org.junit.jupiter.api.extension.ExecutableInvoker"),
            present("org.junit.jupiter.api.extension.ExtensionContext$Store$CloseableResource"));

    private JupiterVersion() {
    }

    /** Fails with what to do if the JUnit on the class path is outside the supported range. */
    static void requireSupported() {
        if (PROBLEM.isPresent()) {
            throw new ExtensionConfigurationException(PROBLEM.get());
        }
    }

    /**
     * The junit-jupiter-api version from its jar's manifest, or null if it has none, or if the manifest is another
     * jar's (JUnit repackaged into a fat jar carries the fat jar's manifest and version).
     */
    static String onClassPath() {
        Package api = ExtensionContext.class.getPackage();
        return apiVersion(api.getImplementationTitle(), api.getImplementationVersion());
    }

    /** {@code version} if the manifest that states it is junit-jupiter-api's ({@code title}), else null. */
    static String apiVersion(String title, String version) {
        return "junit-jupiter-api".equals(title) ? version : null;
    }

    /**
     * What is wrong with JUnit Jupiter {@code version} (null or unreadable if the jar does not say), which has or
     * lacks the API 5.9 added and the API 7.0 may remove; empty if Seedkit supports it.
     */
    static Optional<String> problem(String version, boolean has59Api, boolean hasCloseableResource) {
        Matcher parts = MAJOR_MINOR.matcher(version == null ? "" : version);
        if (!parts.lookingAt()) {
            return problemByApi(version, has59Api, hasCloseableResource);
        }
        int major = Integer.parseInt(parts.group(1));
        int minor = Integer.parseInt(parts.group(2));
        if (major < 5 || major == 5 && minor < 9 || major > 6) {
            return Optional.of(message("junit-jupiter-api " + version));
        }
        log.debug("JUnit Jupiter {}", version);
        return Optional.empty();
    }

    private static Optional<String> problemByApi(String version, boolean has59Api, boolean hasCloseableResource) {
        String found = version == null ? "a junit-jupiter-api without a version" : "junit-jupiter-api '" + version
                + "'";
        if (!has59Api) {
            return Optional.of(message(found + " older than 5.9 (it lacks ExecutableInvoker)"));
        }
        if (!hasCloseableResource) {
            return Optional.of(message(found + " newer than 6.x (it lacks Store.CloseableResource)"));
        }
        log.debug("JUnit Jupiter {} has the API of 5.9 to 6.x", found);
        return Optional.empty();
    }

    private static String message(String found) {
        return "Seedkit supports " + SUPPORTED + ", but the test class path has " + found + ": use a JUnit in that "
                + "range (e.g. import org.junit:junit-bom:5.14.4 or 6.1.3) and check with 'mvn dependency:tree "
                + "-Dincludes=org.junit.jupiter' that no other dependency brings another one.";
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, ExtensionContext.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
