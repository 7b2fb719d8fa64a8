package dev.seedkit.core.generator;

import java.time.LocalDate;

/**
 * Fast text for dates and timestamps in the ISO form PostgreSQL reads under the snapshot session settings
 * ({@code DateStyle ISO}, {@code TimeZone UTC}): {@code 2024-03-05}, {@code 2024-03-05 12:34:56}. Written digit by
 * digit, without a formatter object per value, years 1 to 9999; other years go through {@link LocalDate}.
 */
final class Moments {

    static final long SECONDS_PER_DAY = 86_400L;

    private Moments() {
    }

    static void appendDate(StringBuilder out, long epochDay) {
        if (epochDay < -719_162 || epochDay > 2_932_896) {
            out.append(LocalDate.ofEpochDay(epochDay));
            return;
        }
        // Civil-from-days (H. Hinnant), for the proleptic Gregorian calendar.
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        long year = yoe + era * 400;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long day = doy - (153 * mp + 2) / 5 + 1;
        long month = mp < 10 ? mp + 3 : mp - 9;
        year += month <= 2 ? 1 : 0;
        digits(out, year, 4);
        out.append('-');
        digits(out, month, 2);
        out.append('-');
        digits(out, day, 2);
    }

    static void appendTimestamp(StringBuilder out, long epochSecond) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        long second = epochSecond - day * SECONDS_PER_DAY;
        appendDate(out, day);
        out.append(' ');
        appendTime(out, second);
    }

    static void appendTime(StringBuilder out, long secondOfDay) {
        digits(out, secondOfDay / 3_600, 2);
        out.append(':');
        digits(out, secondOfDay / 60 % 60, 2);
        out.append(':');
        digits(out, secondOfDay % 60, 2);
    }

    private static void digits(StringBuilder out, long value, int width) {
        String text = Long.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }
}
