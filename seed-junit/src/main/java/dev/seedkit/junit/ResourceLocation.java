package dev.seedkit.junit;

import dev.seedkit.core.SeedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Snapshot and script locations: {@code classpath:some/where} (looked up with the thread's context class loader,
 * then this library's) or a file system path, optionally written {@code file:path}.
 */
final class ResourceLocation {

    static final String CLASSPATH_PREFIX = "classpath:";
    private static final String FILE_PREFIX = "file:";

    private ResourceLocation() {
    }

    /** Whether something (file, directory or classpath resource) is at {@code location}. */
    static boolean exists(String location) {
        return isClasspath(location) ? resource(location) != null : Files.exists(path(location));
    }

    /** Where {@code location} was looked for, for messages. */
    static String describe(String location) {
        return isClasspath(location) ? "the classpath resource " + resourceName(location)
                : "the path " + path(location).toAbsolutePath().normalize();
    }

    /** The UTF-8 text at {@code location}; {@code what} names it in the error ("Init script"). */
    static String read(String location, String what, String origin) {
        try {
            if (isClasspath(location)) {
                URL url = resource(location);
                if (url == null) {
                    throw notFound(location, what, origin);
                }
                try (InputStream in = url.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Path path = path(location);
            if (!Files.isRegularFile(path)) {
                throw notFound(location, what, origin);
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + location + ": " + e.getMessage(), e);
        }
    }

    private static SeedException notFound(String location, String what, String origin) {
        return new SeedException(SeedException.Code.CONFIGURATION, what + " not found: " + location + " (" + origin
                + "). Looked for " + describe(location) + "; fix the location or add the file.");
    }

    private static boolean isClasspath(String location) {
        return location.startsWith(CLASSPATH_PREFIX);
    }

    private static String resourceName(String location) {
        String name = location.substring(CLASSPATH_PREFIX.length());
        return name.startsWith("/") ? name.substring(1) : name;
    }

    private static URL resource(String location) {
        String name = resourceName(location);
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        URL url = context == null ? null : context.getResource(name);
        return url != null ? url : ResourceLocation.class.getClassLoader().getResource(name);
    }

    private static Path path(String location) {
        return Path.of(location.startsWith(FILE_PREFIX) ? location.substring(FILE_PREFIX.length()) : location);
    }
}
