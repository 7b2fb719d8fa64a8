package dev.seedkit.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A copy of a good snapshot that a test breaks in one way: raw bytes for format errors, or edited lines with the
 * manifest re-pinned (row count and SHA-256), so that a data-level violation gets past the format checks and
 * reaches the database.
 */
final class SnapshotCopy {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path directory;

    private SnapshotCopy(Path directory) {
        this.directory = directory;
    }

    /** Copies the snapshot in {@code source} to {@code target}. */
    static SnapshotCopy of(Path source, Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return new SnapshotCopy(target);
    }

    Path directory() {
        return directory;
    }

    Path file(String name) {
        return directory.resolve(name);
    }

    /** Replaces the bytes of {@code name}; the manifest still pins the old ones. */
    SnapshotCopy overwrite(String name, byte[] content) throws IOException {
        Files.write(file(name), content);
        return this;
    }

    /** Replaces the text of {@code name}; the manifest still pins the old ones. */
    SnapshotCopy overwrite(String name, String content) throws IOException {
        return overwrite(name, content.getBytes(StandardCharsets.UTF_8));
    }

    String read(String name) throws IOException {
        return Files.readString(file(name), StandardCharsets.UTF_8);
    }

    /** The lines of {@code name}, header first, without their newlines. */
    List<String> lines(String name) throws IOException {
        List<String> lines = new ArrayList<>(List.of(read(name).split("\n", -1)));
        lines.remove(lines.size() - 1);
        return lines;
    }

    /** Edits the lines of a table file (header first) and pins the result in the manifest: a valid snapshot. */
    SnapshotCopy editLines(String name, UnaryOperator<List<String>> edit) throws IOException {
        List<String> lines = edit.apply(new ArrayList<>(lines(name)));
        overwrite(name, String.join("\n", lines) + "\n");
        return repin(name);
    }

    /** Pins the current row count and SHA-256 of {@code name} in the manifest. */
    SnapshotCopy repin(String name) throws IOException {
        byte[] content = Files.readAllBytes(file(name));
        long rows = new String(content, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() - 1;
        JsonNode manifest = JSON.readTree(file("manifest.json").toFile());
        for (JsonNode table : manifest.get("tables")) {
            if (table.get("file").asText().equals(name)) {
                ((ObjectNode) table).put("rowCount", rows).put("sha256", sha256(content));
            }
        }
        Files.writeString(file("manifest.json"), JSON.writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
        return this;
    }

    /** Edits the manifest's text. */
    SnapshotCopy editManifest(String from, String to) throws IOException {
        String manifest = read("manifest.json");
        if (!manifest.contains(from)) {
            throw new IllegalArgumentException("manifest.json has no '" + from + "'");
        }
        return overwrite("manifest.json", manifest.replace(from, to));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
