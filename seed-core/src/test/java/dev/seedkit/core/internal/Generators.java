package dev.seedkit.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** Values that stress the format: the characters it escapes, COPY and array syntax, and any Unicode. */
final class Generators {

    private Generators() {
    }

    /** Any text PostgreSQL can store (every code point but U+0000 and surrogates), biased to awkward ones. */
    static Arbitrary<String> text() {
        Arbitrary<Integer> special = Arbitraries.of(List.of((int) '\t', (int) '\n', (int) '\r', (int) '\\',
                (int) 'N', (int) '.', 0x08, 0x0B, 0x0C, 0x7F, (int) '"', (int) ',', (int) '{', (int) '}',
                (int) ' ', 0xA0, 0x2028, 0xFEFF, 0x1F600));
        Arbitrary<Integer> ascii = Arbitraries.integers().between(0x20, 0x7E);
        Arbitrary<Integer> control = Arbitraries.integers().between(0x01, 0x1F);
        Arbitrary<Integer> any = Arbitraries.integers().between(0x01, 0x10FFFF)
                .filter(cp -> cp < 0xD800 || cp > 0xDFFF);
        return Arbitraries.frequencyOf(Tuple.of(4, special), Tuple.of(3, ascii), Tuple.of(1, control),
                Tuple.of(2, any)).list().ofMaxSize(24)
                .map(codePoints -> new String(codePoints.stream().mapToInt(Integer::intValue).toArray(), 0,
                        codePoints.size()));
    }

    /**
     * A valid PostgreSQL identifier (any text but U+0000, at most 63 UTF-8 bytes) of at most {@code maxBytes}
     * bytes; two of 40 bytes or less always fit in a file name, whatever their characters.
     */
    static Arbitrary<String> identifier(int maxBytes) {
        return text().filter(s -> !s.isEmpty()
                && s.getBytes(StandardCharsets.UTF_8).length <= Math.min(maxBytes, 63));
    }
}
