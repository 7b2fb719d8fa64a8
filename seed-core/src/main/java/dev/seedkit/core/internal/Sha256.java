package dev.seedkit.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as the manifest pins it: over every byte of a file, written as 64 lowercase hex digits. */
public final class Sha256 {

    private Sha256() {
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }

    /** Whether {@code text} is a well-formed checksum: 64 lowercase hex digits. */
    public static boolean isWellFormed(String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }
}
