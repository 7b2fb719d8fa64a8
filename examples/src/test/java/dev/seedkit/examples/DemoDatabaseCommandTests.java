package dev.seedkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line's argument handling; building itself is covered by {@link DemoDatabaseTests}. */
class DemoDatabaseCommandTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final DemoDatabaseCommand command = new DemoDatabaseCommand(print(out), print(err));

    @Test
    void helpPrintsTheUsageAndSucceeds() {
        assertThat(command.run(new String[] {"--help"})).isZero();
        assertThat(text(out)).isEqualTo(DemoDatabaseCommand.USAGE + System.lineSeparator());
    }

    @Test
    void unknownOptionsAreUsageErrors() {
        assertThat(command.run(new String[] {"--size", "100"})).isEqualTo(2);
        assertThat(text(err)).isEqualTo("Unknown option --size" + System.lineSeparator()
                + DemoDatabaseCommand.USAGE + System.lineSeparator());
    }

    @Test
    void scalesTooSmallAreUsageErrors() {
        assertThat(command.run(new String[] {"--scale", "5"})).isEqualTo(2);
        assertThat(text(err)).startsWith("Scale 5 is too small: the demo database needs at least 10 users");
    }

    @Test
    void seedsMustBeWholeNumbers() {
        assertThat(command.run(new String[] {"--seed", "abc"})).isEqualTo(2);
        assertThat(text(err)).startsWith("--seed needs a whole number, not 'abc'");
    }

    @Test
    void optionsNeedAValue() {
        assertThat(command.run(new String[] {"--scale"})).isEqualTo(2);
        assertThat(text(err)).startsWith("Missing value after --scale");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
