package dev.seedkit.core.internal;

/**
 * Strict UTF-8 validation on raw bytes, as PostgreSQL applies it: no overlong forms, no UTF-16 surrogates, nothing
 * above U+10FFFF. Validating bytes directly lets errors name the exact byte offset without decoding the line.
 */
final class Utf8 {

    private Utf8() {
    }

    /** The offset of the first byte that starts an invalid sequence, or -1 if {@code bytes[0, length)} is valid. */
    static int firstInvalid(byte[] bytes, int length) {
        int i = 0;
        while (i < length) {
            int size = sequenceLength(bytes, i, length);
            if (size == 0) {
                return i;
            }
            i += size;
        }
        return -1;
    }

    /** Length of the valid sequence starting at {@code i}, or 0 if none starts there. */
    private static int sequenceLength(byte[] b, int i, int length) {
        int lead = b[i] & 0xFF;
        if (lead < 0x80) {
            return 1;
        }
        if (lead < 0xC2 || lead > 0xF4) {
            return 0; // continuation byte, overlong 2-byte lead, or beyond U+10FFFF
        }
        int size = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        if (i + size > length) {
            return 0;
        }
        int second = b[i + 1] & 0xFF;
        int low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        if (second < low || second > high) {
            return 0;
        }
        for (int k = 2; k < size; k++) {
            if ((b[i + k] & 0xC0) != 0x80) {
                return 0;
            }
        }
        return size;
    }
}
