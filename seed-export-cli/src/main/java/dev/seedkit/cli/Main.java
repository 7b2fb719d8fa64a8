package dev.seedkit.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Entry point of {@code seedkit.jar}; the only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = Arrays.asList(args);
        configureLogging(arguments.contains("--verbose") || arguments.contains("-v"));
        System.exit(SeedkitCommand.commandLine().execute(args));
    }

    /**
     * Seedkit's own log (SLF4J, to standard error) stays quiet unless {@code --verbose}: the commands print their
     * results themselves. Settings passed with {@code -D} (e.g. in {@code SEEDKIT_JAVA_OPTS}) win.
     */
    private static void configureLogging(boolean verbose) {
        Map.of("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "warn",
                "org.slf4j.simpleLogger.logFile", "System.err",
                "org.slf4j.simpleLogger.showThreadName", "false",
                "org.slf4j.simpleLogger.showShortLogName", "true")
                .forEach((key, value) -> {
                    if (System.getProperty(key) == null) {
                        System.setProperty(key, value);
                    }
                });
    }
}
