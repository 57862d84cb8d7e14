package io.wakestream.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration as people write it: {@code 90} (seconds), {@code 500ms}, {@code 20s}, {@code 5m}, {@code 1h}. */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern FORM = Pattern.compile("(\\d+)(ms|s|m|h)?");

    @Override
    public Duration convert(String value) {
        Matcher form = FORM.matcher(value.trim());
        if (!form.matches()) {
            throw new TypeConversionException("'" + value + "' is not a duration; write it as 90, 500ms, 20s, 5m or 1h");
        }
        long amount = Long.parseLong(form.group(1));
        String unit = form.group(2) == null ? "s" : form.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
