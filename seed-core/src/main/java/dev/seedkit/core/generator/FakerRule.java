package dev.seedkit.core.generator;

import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.datafaker.Faker;
import net.datafaker.service.RandomService;

/**
 * Realistic text from Datafaker: an expression such as {@code Name.firstName}, {@code Company.name},
 * {@code Internet.emailAddress}, {@code Address.city}, {@code Lorem.sentence}, or a template with several
 * ({@code "#{Name.firstName}.#{Name.lastName}"}). Datafaker draws from a random source that is reset for each row
 * from the rule's stream, so the value is a pure function of seed, column and row like every other rule.
 *
 * <p>This is the only class that touches Datafaker, an optional dependency: {@link RuleCompiler} checks that it is
 * on the class path before loading this class.
 */
final class FakerRule implements Rule {

    /** The class the check for Datafaker looks for. */
    static final String FAKER_CLASS = "net.datafaker.Faker";

    /** Short provider names from the documentation's vocabulary, mapped to Datafaker's. */
    private static final Map<String, String> ALIASES = Map.of("person", "Name", "email", "Internet",
            "phone", "PhoneNumber");

    private final String expression;
    private final Resettable source = new Resettable();
    private final Faker faker;
    private final Random64 random;

    FakerRule(String expression, String locale, Random64 random) {
        this.expression = template(expression);
        this.faker = new Faker(Locale.forLanguageTag(locale), new RandomService(source));
        this.random = random;
    }

    /** {@code Name.firstName} becomes {@code #{Name.firstName}}; templates stay as written. */
    static String template(String expression) {
        String text = expression.trim();
        if (text.contains("#{")) {
            return text;
        }
        int dot = text.indexOf('.');
        if (dot > 0) {
            String provider = text.substring(0, dot);
            String alias = ALIASES.get(provider.toLowerCase(Locale.ROOT));
            text = (alias != null ? alias : provider) + text.substring(dot);
        }
        return "#{" + text + "}";
    }

    @Override
    public void fill(Row row, Slot out) {
        source.reset(random.at(row).nextLong());
        out.setText(faker.expression(expression));
    }

    /** A random source that restarts from a given state: SplitMix64, as {@link Random64}. */
    private static final class Resettable implements RandomGenerator {
        private long state;

        void reset(long seed) {
            state = seed;
        }

        @Override
        public long nextLong() {
            state += 0x9E3779B97F4A7C15L;
            return Random64.mix(state);
        }
    }
}
