package io.sightline.vision.overlay;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for the values dashcams and security cameras burn into their pictures: date and
 * time, speed, GPS position and G-sensor readings. Each takes one line of OCR text and tolerates
 * the usual OCR slips (spaces around separators, O for 0 and l for 1 between digits, full-width
 * characters).
 *
 * <p>Ambiguous numeric dates: a part above 12 decides; otherwise {@code a/b/yyyy} is read as
 * month/day (US cameras) and {@code a.b.yyyy} or {@code a-b-yyyy} as day.month.
 */
public final class OverlayParser {
    private OverlayParser() {}

    private static final String MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{1,2})(?!\\d)");
    private static final Pattern YEAR_LAST = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\2\\s*((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(?<!\\d)(\\d{1,2})(?:st|nd|rd|th)?[\\s\\-/.]*(" + MONTHS + ")[a-z]*\\.?,?[\\s\\-/.]*((?:19|20)\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "(?<![a-z])(" + MONTHS + ")[a-z]*\\.?[\\s\\-/]*(\\d{1,2})(?:st|nd|rd|th)?,?[\\s\\-/]*((?:19|20)\\d{2})(?!\\d)",
            Pattern.CASE_INSENSITIVE);
    /** HH:MM[:SS], or HH.MM.SS (dots only with seconds, so decimals are not taken for times), optional AM/PM. */
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\s*(?:(:)\\s*(\\d{2})(?:\\s*:\\s*(\\d{2}))?|(\\.)(\\d{2})\\.(\\d{2}))(?:[.,]\\d{1,3})?(?!\\d)"
                    + "(?:\\s*([ap])\\.?\\s*m\\b\\.?)?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern CLOCK_GLUED_TO_SPEED = Pattern.compile(
            "(\\d{1,2}:\\d{2}:\\d{2})(\\d{1,3}(?:[.,]\\d)?\\s*(?:km\\s*/\\s*h|kmh|kph|mph|mi/h))", Pattern.CASE_INSENSITIVE);

    private static final Pattern SPEED = Pattern.compile(
            "(?<![\\d.])(\\d{1,3}(?:[.,]\\d)?)\\s*(km\\s*/\\s*h(?:r)?|kmh|kph|km/hr|mph|mi/h)(?![a-z])",
            Pattern.CASE_INSENSITIVE);

    private static final String DEGREE = "[°º˚]";
    private static final String DMS_BODY = "(\\d{1,3})\\s*" + DEGREE + "\\s*(\\d{1,2}(?:\\.\\d+)?)\\s*['′’]?\\s*"
            + "(?:(\\d{1,2}(?:\\.\\d+)?)\\s*(?:\"|′′|″|''|”)?)?";
    /** 37°46'29.6"N, 37°46.493' N */
    private static final Pattern DMS_SUFFIX = Pattern.compile(DMS_BODY + "\\s*([NSEW])(?![A-Za-z])");
    /** N37°46'29.6", S 33°52'7.7" */
    private static final Pattern DMS_PREFIX = Pattern.compile("(?<![A-Za-z])([NSEW])\\s*:?\\s*" + DMS_BODY);
    /** N37.7749 or 37.7749N or 37.7749° N */
    private static final Pattern HEMISPHERE_DECIMAL = Pattern.compile(
            "(?<![A-Za-z])([NSEW])\\s*:?\\s*(\\d{1,3}\\.\\d{2,})" + DEGREE + "?|(?<![\\d.])(\\d{1,3}\\.\\d{2,})\\s*" + DEGREE + "?\\s*([NSEW])(?![A-Za-z])");
    /** 37.7749, -122.4194 (optionally labelled lat/lon); three decimals at least, so other numbers are not taken */
    private static final Pattern SIGNED_PAIR = Pattern.compile(
            "(?:lat(?:itude)?\\s*[:=]?\\s*)?(?<![\\d.])([+-]?\\d{1,2}\\.\\d{3,})" + DEGREE + "?\\s*[,;/\\s]\\s*"
                    + "(?:lon(?:g(?:itude)?)?\\s*[:=]?\\s*)?([+-]?\\d{1,3}\\.\\d{3,})" + DEGREE + "?(?![\\d.])",
            Pattern.CASE_INSENSITIVE);

    private static final String NUMBER = "([+-]?\\d+(?:\\.\\d+)?)";
    private static final Pattern G_AXES = Pattern.compile(
            "(?<![A-Za-z])G?X\\s*[:=]?\\s*" + NUMBER + "[\\s,;/]*G?Y\\s*[:=]?\\s*" + NUMBER + "[\\s,;/]*G?Z\\s*[:=]?\\s*" + NUMBER,
            Pattern.CASE_INSENSITIVE);
    private static final String G_LABEL = "(?<![A-Za-z])G(?:[\\s\\-_]*sensor\\s*[:=]?|\\s*[:=])\\s*";
    private static final Pattern G_TRIPLE = Pattern.compile(
            G_LABEL + "([+-]?\\d+\\.\\d+)\\s*[/,;]\\s*([+-]?\\d+\\.\\d+)\\s*[/,;]\\s*([+-]?\\d+\\.\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern G_SINGLE = Pattern.compile(G_LABEL + "([+-]?\\d+\\.\\d+)", Pattern.CASE_INSENSITIVE);

    private static final Pattern LETTER_O_IN_NUMBER = Pattern.compile("(?<=[\\d:/.\\-])[Oo](?=[\\d:/.\\-])");
    private static final Pattern LETTER_L_IN_NUMBER = Pattern.compile("(?<=[\\d:/.\\-])[Il|](?=[\\d:/.\\-])");

    /** Every field found in one overlay line. */
    public static OverlayFields parse(String text) {
        return new OverlayFields(text, timestamp(text).orElse(null), clock(text).orElse(null),
                speed(text).orElse(null), position(text).orElse(null), gSensor(text).orElse(null));
    }

    /** Date and time of day, e.g. {@code 2015/09/18 07:53:29}, {@code 18.09.2015 07:53:29}, {@code Sep 18, 2015 7:53 PM}. */
    public static Optional<LocalDateTime> timestamp(String text) {
        String clean = clean(text);
        Optional<DateMatch> date = findDate(clean);
        if (date.isEmpty()) return Optional.empty();
        DateMatch d = date.get();
        // The time usually follows the date; some cameras put it first.
        Optional<LocalTime> time = time(clean, d.end(), clean.length()).or(() -> time(clean, 0, d.start()));
        return time.map(t -> LocalDateTime.of(d.date(), t));
    }

    /** Time of day anywhere in the text (outside a date), e.g. {@code 07:53:29} or {@code 7:53:29 PM}. */
    public static Optional<LocalTime> clock(String text) {
        String clean = clean(text);
        Optional<DateMatch> date = findDate(clean);
        if (date.isEmpty()) return time(clean, 0, clean.length());
        DateMatch d = date.get();
        return time(clean, d.end(), clean.length()).or(() -> time(clean, 0, d.start()));
    }

    public static Optional<LocalDate> date(String text) {
        return findDate(clean(text)).map(DateMatch::date);
    }

    /** Speed with a unit: {@code 54 km/h}, {@code 006km/h}, {@code 88KMH}, {@code 35 mph}. */
    public static Optional<Speed> speed(String text) {
        Matcher m = SPEED.matcher(clean(text));
        while (m.find()) {
            double value = Double.parseDouble(m.group(1).replace(',', '.'));
            String unit = m.group(2).toLowerCase(Locale.ROOT);
            Speed.Unit u = unit.startsWith("m") ? Speed.Unit.MPH : Speed.Unit.KMH;
            if (value <= 400) return Optional.of(new Speed(value, u));
        }
        return Optional.empty();
    }

    /** Position as decimal degrees with hemisphere letters or signs, or degrees-minutes(-seconds). */
    public static Optional<GeoPoint> position(String text) {
        String clean = clean(text);
        Double lat = null, lon = null;
        // Hemisphere letters after the numbers or before them; the two readings of "…"N 122°…" differ, so each is tried whole.
        double[] dms = dms(DMS_SUFFIX.matcher(clean), 4, 1);
        if (dms == null) dms = dms(DMS_PREFIX.matcher(clean), 1, 2);
        if (dms != null) {
            lat = dms[0];
            lon = dms[1];
        }
        if (lat == null || lon == null) {
            Matcher hd = HEMISPHERE_DECIMAL.matcher(clean);
            while (hd.find()) {
                String hemisphere = hd.group(1) != null ? hd.group(1) : hd.group(4);
                double degrees = Double.parseDouble(hd.group(1) != null ? hd.group(2) : hd.group(3));
                if (hemisphere.equals("N") || hemisphere.equals("S")) lat = lat != null ? lat : signed(degrees, hemisphere);
                else lon = lon != null ? lon : signed(degrees, hemisphere);
            }
        }
        if (lat == null || lon == null) {
            Matcher pair = SIGNED_PAIR.matcher(clean);
            if (pair.find()) {
                lat = Double.parseDouble(pair.group(1));
                lon = Double.parseDouble(pair.group(2));
            }
        }
        if (lat == null || lon == null || Math.abs(lat) > 90 || Math.abs(lon) > 180) return Optional.empty();
        return Optional.of(new GeoPoint(lat, lon));
    }

    /** {@code G: X0.12 Y-0.03 Z0.98}, {@code G-sensor 0.12/-0.03/0.98}, {@code G:1.06}. */
    public static Optional<GSensor> gSensor(String text) {
        String clean = clean(text);
        Matcher axes = G_AXES.matcher(clean);
        if (axes.find()) return Optional.of(triple(axes));
        Matcher triple = G_TRIPLE.matcher(clean);
        if (triple.find()) return Optional.of(triple(triple));
        Matcher single = G_SINGLE.matcher(clean);
        if (single.find()) return Optional.of(new GSensor(List.of(Double.parseDouble(single.group(1)))));
        return Optional.empty();
    }

    /** Latitude and longitude from degree-minute-second matches, or null unless both were found. */
    private static double[] dms(Matcher m, int hemisphereGroup, int degreesGroup) {
        Double lat = null, lon = null;
        while (m.find()) {
            String hemisphere = m.group(hemisphereGroup);
            String seconds = m.group(degreesGroup + 2);
            double degrees = Double.parseDouble(m.group(degreesGroup)) + Double.parseDouble(m.group(degreesGroup + 1)) / 60
                    + (seconds == null ? 0 : Double.parseDouble(seconds) / 3600);
            if (hemisphere.equals("N") || hemisphere.equals("S")) lat = lat != null ? lat : signed(degrees, hemisphere);
            else lon = lon != null ? lon : signed(degrees, hemisphere);
        }
        return lat == null || lon == null ? null : new double[] {lat, lon};
    }

    private static GSensor triple(Matcher m) {
        return new GSensor(List.of(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
    }

    private static double signed(double degrees, String hemisphere) {
        return hemisphere.equals("S") || hemisphere.equals("W") ? -degrees : degrees;
    }

    private record DateMatch(LocalDate date, int start, int end) {}

    private static Optional<DateMatch> findDate(String clean) {
        DateMatch best = null;
        for (Matcher m = YEAR_FIRST.matcher(clean); m.find(); ) {
            best = earliest(best, dateOf(m.group(1), m.group(3), m.group(4), m));
        }
        for (Matcher m = YEAR_LAST.matcher(clean); m.find(); ) {
            int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(3));
            boolean monthFirst = a > 12 ? false : b > 12 || m.group(2).equals("/");
            String month = monthFirst ? m.group(1) : m.group(3);
            String day = monthFirst ? m.group(3) : m.group(1);
            best = earliest(best, dateOf(m.group(4), month, day, m));
        }
        for (Matcher m = DAY_MONTH_NAME.matcher(clean); m.find(); ) {
            best = earliest(best, dateOf(m.group(3), String.valueOf(monthNumber(m.group(2))), m.group(1), m));
        }
        for (Matcher m = MONTH_NAME_DAY.matcher(clean); m.find(); ) {
            best = earliest(best, dateOf(m.group(3), String.valueOf(monthNumber(m.group(1))), m.group(2), m));
        }
        return Optional.ofNullable(best);
    }

    private static DateMatch earliest(DateMatch best, DateMatch candidate) {
        if (candidate == null) return best;
        return best == null || candidate.start() < best.start() ? candidate : best;
    }

    private static DateMatch dateOf(String year, String month, String day, Matcher m) {
        try {
            return new DateMatch(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)), m.start(), m.end());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int monthNumber(String name) {
        return MONTHS.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) / 4 + 1;
    }

    private static Optional<LocalTime> time(String clean, int from, int to) {
        Matcher m = TIME.matcher(clean);
        m.region(from, to);
        while (m.find()) {
            boolean colon = m.group(2) != null;
            int hour = Integer.parseInt(m.group(1));
            int minute = Integer.parseInt(colon ? m.group(3) : m.group(6));
            String secondText = colon ? m.group(4) : m.group(7);
            int second = secondText == null ? 0 : Integer.parseInt(secondText);
            String meridiem = m.group(8);
            if (meridiem != null && hour >= 1 && hour <= 12) {
                boolean pm = meridiem.equalsIgnoreCase("p");
                hour = hour % 12 + (pm ? 12 : 0);
            }
            if (hour <= 23 && minute <= 59 && second <= 59) return Optional.of(LocalTime.of(hour, minute, second));
        }
        return Optional.empty();
    }

    /** NFKC (full-width to ASCII), unified dashes, and O/l read for 0/1 inside numbers. */
    static String clean(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("[‐‑‒–—−]", "-");
        s = LETTER_O_IN_NUMBER.matcher(s).replaceAll("0");
        s = LETTER_L_IN_NUMBER.matcher(s).replaceAll("1");
        // OCR can drop the space between a clock and a speed ("08:10:33006km/h"): put it back.
        return CLOCK_GLUED_TO_SPEED.matcher(s).replaceAll("$1 $2");
    }
}
