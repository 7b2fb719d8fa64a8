package dev.seedkit.core.generator;

/**
 * The rules that make text: patterns with placeholders, the default {@code column n} text (short codes when the
 * column is short), a row-number suffix that makes any text rule distinct for a unique column, and the defaults of
 * network addresses, binary data, times of day, intervals and XML.
 */
final class TextRules {

    private TextRules() {
    }

    /** {@code "<prefix><n>"} with n the 1-based row number; distinct per row. */
    record Numbered(String prefix, String suffix, int minLength) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            String text = prefix + (row.index() + 1) + suffix;
            out.setText(text.length() >= minLength ? text : text + "x".repeat(minLength - text.length()));
        }

        @Override
        public boolean distinctPerRow() {
            return true;
        }
    }

    /**
     * A short code for short columns ({@code char(3)}, {@code varchar(4)}): the row number in base 26 as capital
     * letters, left-padded with A to {@code length}; distinct per row while the rows fit.
     */
    record Code(int length) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            char[] letters = new char[length];
            long n = row.index();
            for (int i = length - 1; i >= 0; i--) {
                letters[i] = (char) ('A' + n % 26);
                n /= 26;
            }
            out.setText(new String(letters));
        }

        @Override
        public boolean distinctPerRow() {
            return true;
        }

        /** How many distinct codes fit. */
        long capacity() {
            long capacity = 1;
            for (int i = 0; i < length && capacity < Long.MAX_VALUE / 26; i++) {
                capacity *= 26;
            }
            return capacity;
        }
    }

    /**
     * Another rule's text made distinct by the row number: before the {@code @} of an e-mail address
     * ({@code ada.lovelace+17@example.com}), else after a space; cut first so the result fits {@code maxLength}.
     */
    record DistinctSuffix(Rule rule, int maxLength) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            rule.fill(row, out);
            if (out.isNull()) {
                return;
            }
            String text = out.asText();
            String number = Long.toString(row.index() + 1);
            int at = text.indexOf('@');
            String made = at > 0 ? text.substring(0, at) + "+" + number + text.substring(at) : text + " " + number;
            if (maxLength > 0 && made.length() > maxLength) {
                String tail = at > 0 ? "+" + number + text.substring(at) : " " + number;
                String head = at > 0 ? text.substring(0, at) : text;
                made = head.substring(0, Math.max(0, Math.min(head.length(), maxLength - tail.length()))) + tail;
            }
            out.setText(made);
        }

        @Override
        public boolean distinctPerRow() {
            return true;
        }
    }

    /** {@code 10.a.b.c} (or {@code 10.a.b.0/24} for cidr), from the row's random stream. */
    record Network(boolean cidr, Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            long bits = random.at(row).nextLong();
            String address = "10." + (bits & 0xFF) + "." + (bits >>> 8 & 0xFF) + ".";
            out.setText(cidr ? address + "0/24" : address + (1 + (bits >>> 16 & 0xFF) % 254));
        }
    }

    /** A MAC address with the locally administered bit set. */
    record Mac(Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            long bits = random.at(row).nextLong();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                int octet = (int) (bits >>> (8 * i) & 0xFF);
                if (i == 0) {
                    octet = (octet | 0x02) & 0xFE;
                }
                text.append(i > 0 ? ":" : "").append(Character.forDigit(octet >> 4, 16))
                        .append(Character.forDigit(octet & 0xF, 16));
            }
            out.setText(text.toString());
        }
    }

    /** Eight random bytes, as bytea's hex input ({@code \x0123...}). */
    record Bytes(Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            out.setText("\\x" + String.format("%016x", random.at(row).nextLong()));
        }
    }

    /** A time of day, whole seconds. */
    record TimeOfDay(Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            StringBuilder text = new StringBuilder();
            Moments.appendTime(text, random.at(row).below(Moments.SECONDS_PER_DAY));
            out.setText(text.toString());
        }
    }

    /** An interval of up to 30 days, whole seconds. */
    record Interval(Random64 random) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            long seconds = random.at(row).below(30 * Moments.SECONDS_PER_DAY);
            StringBuilder text = new StringBuilder().append(seconds / Moments.SECONDS_PER_DAY).append(" days ");
            Moments.appendTime(text, seconds % Moments.SECONDS_PER_DAY);
            out.setText(text.toString());
        }
    }

    /** {@code <column>n</column>}. */
    record Xml(String element) implements Rule {
        @Override
        public void fill(Row row, Slot out) {
            out.setText("<" + element + ">" + (row.index() + 1) + "</" + element + ">");
        }
    }
}
