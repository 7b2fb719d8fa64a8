package dev.seedkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class OutputTests {

    @Test
    void onATerminalProgressIsOneLineRedrawnInPlaceAndClearedAtTheEnd() {
        StringWriter err = new StringWriter();

        try (Progress progress = new Progress(new PrintWriter(err), true, 2, new Redaction())) {
            progress.step("ok      shop.customers.tsv (3 rows)");
            progress.step("ok      shop.orders.tsv (2 rows)");
        }

        String first = "[1/2] ok      shop.customers.tsv (3 rows)";
        String second = "[2/2] ok      shop.orders.tsv (2 rows)";
        assertThat(err.toString()).isEqualTo("\r" + first + "\r" + second
                + " ".repeat(first.length() - second.length()) + "\r" + " ".repeat(first.length()) + "\r");
    }

    @Test
    void elsewhereEveryStepIsALineAndStatusIsSilent() {
        StringWriter err = new StringWriter();

        try (Progress progress = new Progress(new PrintWriter(err), false, 1, new Redaction())) {
            progress.status("importing ...");
            progress.step("ok      shop.customers.tsv (3 rows)");
        }

        assertThat(err.toString()).isEqualTo("[1/1] ok      shop.customers.tsv (3 rows)" + System.lineSeparator());
    }

    @Test
    void redactsPasswordParametersUserInfoAndKnownSecrets() {
        Redaction redaction = new Redaction();
        redaction.add("s3cret-value");
        redaction.add("abc");

        assertThat(redaction.apply("jdbc:postgresql://h/db?user=a&password=p%40ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(redaction.apply("postgresql://app:pa55@h:5432/db")).isEqualTo("postgresql://app:***@h:5432/db");
        assertThat(redaction.apply("\"url\" : \"jdbc:postgresql://h/db?password=***\",\n"))
                .isEqualTo("\"url\" : \"jdbc:postgresql://h/db?password=***\",\n");
        assertThat(redaction.apply("FATAL: s3cret-value rejected; abc stays"))
                .isEqualTo("FATAL: *** rejected; abc stays");
    }

    @Test
    void aPasswordThatIsAlsoTheUserNameHidesNeitherTheUserNorTheScheme() {
        Redaction redaction = new Redaction();
        redaction.add("postgres");

        assertThat(redaction.apply("error: Could not connect to jdbc:postgresql://localhost:5432/shop?password=postgres"
                + " as postgres: FATAL: password authentication failed for user \"postgres\""))
                .isEqualTo("error: Could not connect to jdbc:postgresql://localhost:5432/shop?password=***"
                        + " as postgres: FATAL: password authentication failed for user \"postgres\"");
    }
}
