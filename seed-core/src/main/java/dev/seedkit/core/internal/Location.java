package dev.seedkit.core.internal;

import dev.seedkit.core.SeedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A location as users write it, read by one parser for every Seedkit module (snapshots, init scripts, the command
 * line's settings): {@code classpath:some/folder} for a class path resource, {@code file:some/path} or a plain path
 * for the file system. Exactly one of {@code path} and {@code resource} is set.
 *
 * @param path     the file system path, or null for a class path location
 * @param resource the class path name without leading or trailing slashes ({@code ""} for the root), or null
 */
public record Location(Path path, String resource) {

    /** Prefix of class path locations. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    /** Optional prefix of file system locations. */
    public static final String FILE_PREFIX = "file:";

    /** Reads {@code text}: {@code classpath:name}, {@code file:path}, or a path. */
    public static Location parse(String text) {
        if (text.startsWith(CLASSPATH_PREFIX)) {
            return classpath(text.substring(CLASSPATH_PREFIX.length()));
        }
        return new Location(Path.of(text.startsWith(FILE_PREFIX) ? text.substring(FILE_PREFIX.length()) : text),
                null);
    }

    /** The class path location {@code name} ({@code fixtures/demo}); slashes around it are dropped. */
    public static Location classpath(String name) {
        String resource = name.replaceAll("^/+|/+$", "");
        if (resource.equals("..") || resource.startsWith("../") || resource.contains("/../")
                || resource.endsWith("/..")) {
            throw new SeedException(SeedException.Code.CONFIGURATION, "Class path location '" + name
                    + "' contains '..'; name the folder from the class path root, e.g. classpath:fixtures/demo.");
        }
        return new Location(null, resource);
    }

    /** The class loader locations are looked up with unless the caller names one: the thread's, else Seedkit's. */
    public static ClassLoader defaultLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Location.class.getClassLoader();
    }

    /** Whether this is a class path location. */
    public boolean onClasspath() {
        return resource != null;
    }

    /**
     * The UTF-8 text of the file at this location, class path resources seen by {@code loader}; {@code what}
     * ("Init script") and {@code origin} (where the location was given) name it in the error when it is not there.
     */
    public String readText(ClassLoader loader, String what, String origin) {
        try {
            if (onClasspath()) {
                URL url = loader.getResource(resource);
                if (url == null) {
                    throw notFound(what, origin);
                }
                try (InputStream in = url.openStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            if (!Files.isRegularFile(path)) {
                throw notFound(what, origin);
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + this + ": " + e.getMessage(), e);
        }
    }

    /** Where this location is looked for, for messages. */
    public String describe() {
        return onClasspath() ? "the classpath resource " + resource : "the path " + path.toAbsolutePath().normalize();
    }

    /** {@code classpath:name} or the path. */
    @Override
    public String toString() {
        return onClasspath() ? CLASSPATH_PREFIX + resource : path.toString();
    }

    private SeedException notFound(String what, String origin) {
        return new SeedException(SeedException.Code.CONFIGURATION, what + " not found: " + this + " (" + origin
                + "). Looked for " + describe() + "; fix the location or add the file.");
    }
}
