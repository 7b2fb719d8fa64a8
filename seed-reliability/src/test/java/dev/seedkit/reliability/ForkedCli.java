package dev.seedkit.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code seedkit} as a real process: {@code java -cp <this test's class path> dev.seedkit.cli.Main}, with the
 * JVM options and environment a test gives, for what one JVM cannot show (a small heap, {@code kill -9}, several
 * processes at once, environment variables such as {@code PGPASSWORD}).
 */
final class ForkedCli {

    private static final long TIMEOUT_SECONDS = 120;

    private final Path directory;
    private final List<String> jvmOptions = new ArrayList<>();
    private final Map<String, String> environment;

    /** Runs in {@code directory} (working directory, and where the output files go), with {@code environment}. */
    ForkedCli(Path directory, Map<String, String> environment) {
        this.directory = directory;
        this.environment = Map.copyOf(environment);
    }

    /** Adds JVM options, e.g. {@code -Xmx32m}. */
    ForkedCli jvm(String... options) {
        jvmOptions.addAll(List.of(options));
        return this;
    }

    /** Starts {@code seedkit args...}; its standard output and error go to {@code name.out} and {@code name.err}. */
    Process start(String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.seedkit.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(directory.resolve(name + ".out").toFile())
                .redirectError(directory.resolve(name + ".err").toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SEEDKIT_") || key.startsWith("PG"));
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Runs {@code seedkit args...} to its end and returns what it printed. */
    Cli.Result run(String name, String... args) throws IOException, InterruptedException {
        return finish(name, start(name, args));
    }

    /** Waits for a process {@link #start started} as {@code name} and returns what it printed. */
    Cli.Result finish(String name, Process process) throws IOException, InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("seedkit " + name + " did not finish in " + TIMEOUT_SECONDS + " s");
        }
        return new Cli.Result(process.exitValue(), output(name + ".out"), output(name + ".err"));
    }

    private String output(String file) throws IOException {
        return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
    }
}
