package dev.buildbridge.kcidb;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Format {@code date-time} as the official KCIDB validator checks it (python-jsonschema with
 * rfc3339-validator): {@code YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)}, {@code T} and {@code Z} in
 * either case, any number of fraction digits, year 0001 to 9999, the day within its month, hours
 * 00-23 (offsets too), no leap second {@code :60}. A missing offset is the mistake worth naming.
 */
final class Rfc3339 {
  private Rfc3339() {}

  /** Returns null when {@code s} is a valid date-time, else what is wrong with it. */
  static String problem(String s) {
    int n = s.length();
    if (n < 10 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2)
        || s.charAt(7) != '-' || !digits(s, 8, 2)) {
      return notRfc3339();
    }
    if (n == 10) {
      return "is a date without a time; expected YYYY-MM-DDThh:mm:ss and an offset";
    }
    char t = s.charAt(10);
    if (t == ' ') {
      return "separates date and time with a space; RFC 3339 needs 'T'";
    }
    if (t != 'T' && t != 't' || n < 16 || !digits(s, 11, 2) || s.charAt(13) != ':'
        || !digits(s, 14, 2)) {
      return notRfc3339();
    }
    if (n == 16 || s.charAt(16) != ':') {
      return "has no seconds; expected hh:mm:ss";
    }
    if (!digits(s, 17, 2)) {
      return notRfc3339();
    }
    int year = number(s, 0, 4);
    int month = number(s, 5, 2);
    int day = number(s, 8, 2);
    int hour = number(s, 11, 2);
    int minute = number(s, 14, 2);
    int second = number(s, 17, 2);
    int i = 19;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start) {
        return "has '.' without fraction digits";
      }
    }
    if (i == n) {
      return "needs a timezone offset (Z or ±hh:mm)";
    }
    char z = s.charAt(i);
    if (z == 'Z' || z == 'z') {
      if (i + 1 != n) {
        return notRfc3339();
      }
    } else if (z == '+' || z == '-') {
      if (n != i + 6 || !digits(s, i + 1, 2) || s.charAt(i + 3) != ':' || !digits(s, i + 4, 2)) {
        return "has a malformed offset; expected Z or ±hh:mm";
      }
      int offsetHour = number(s, i + 1, 2);
      int offsetMinute = number(s, i + 4, 2);
      if (offsetHour > 23) {
        return "offset hour " + offsetHour + " is out of range (00-23)";
      }
      if (offsetMinute > 59) {
        return "offset minute " + offsetMinute + " is out of range (00-59)";
      }
    } else {
      return "needs a timezone offset (Z or ±hh:mm)";
    }
    if (month < 1 || month > 12) {
      return "month " + s.substring(5, 7) + " is out of range (01-12)";
    }
    if (hour > 23) {
      return "hour " + hour + " is out of range (00-23)";
    }
    if (minute > 59) {
      return "minute " + minute + " is out of range (00-59)";
    }
    if (second > 59) {
      return "second " + second + " is out of range (00-59; leap seconds are not accepted)";
    }
    if (year == 0) {
      return "year 0000 is out of range (0001-9999)";
    }
    int monthLength = LocalDate.of(year, month, 1).lengthOfMonth();
    if (day < 1 || day > monthLength) {
      return "day " + s.substring(8, 10) + " is out of range for " + s.substring(0, 7);
    }
    return null;
  }

  /**
   * Reads a date-time that {@link #problem(String)} accepted. Digits beyond nanoseconds are
   * dropped; an offset beyond ±18:00, which Java cannot represent, is converted to UTC (the same
   * instant).
   */
  static OffsetDateTime parse(String s) {
    int nanos = 0;
    int i = 19;
    if (s.charAt(i) == '.') {
      int scale = 100_000_000;
      for (i++; isDigit(s.charAt(i)); i++) {
        nanos += (s.charAt(i) - '0') * scale;
        scale /= 10;
      }
    }
    LocalDateTime local = LocalDateTime.of(number(s, 0, 4), number(s, 5, 2), number(s, 8, 2),
        number(s, 11, 2), number(s, 14, 2), number(s, 17, 2), nanos);
    char z = s.charAt(i);
    if (z == 'Z' || z == 'z') {
      return OffsetDateTime.of(local, ZoneOffset.UTC);
    }
    int seconds = (number(s, i + 1, 2) * 60 + number(s, i + 4, 2)) * 60;
    if (z == '-') {
      seconds = -seconds;
    }
    if (Math.abs(seconds) > 18 * 3600) {
      return OffsetDateTime.of(local.minusSeconds(seconds), ZoneOffset.UTC);
    }
    return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(seconds));
  }

  /** Returns null when {@link #format(OffsetDateTime)} can write {@code t} validly. */
  static String problem(OffsetDateTime t) {
    int year = t.getYear();
    if (year < 1 || year > 9999) {
      return "year " + year + " is out of range (0001-9999)";
    }
    if (t.getOffset().getTotalSeconds() % 60 != 0) {
      return "offset " + t.getOffset() + " has seconds; RFC 3339 offsets are ±hh:mm";
    }
    return null;
  }

  /** Writes {@code 2023-12-09T08:08:24.822016+00:00}: seconds always, fraction trimmed. */
  static String format(OffsetDateTime t) {
    StringBuilder b = new StringBuilder(32);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2);
    int nanos = t.getNano();
    if (nanos != 0) {
      int digits = 9;
      while (nanos % 10 == 0) {
        nanos /= 10;
        digits--;
      }
      b.append('.');
      pad(b, nanos, digits);
    }
    int offset = t.getOffset().getTotalSeconds();
    b.append(offset < 0 ? '-' : '+');
    offset = Math.abs(offset) / 60;
    pad(b, offset / 60, 2).append(':');
    pad(b, offset % 60, 2);
    return b.toString();
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(digits);
  }

  private static String notRfc3339() {
    return "is not an RFC 3339 date-time; expected YYYY-MM-DDThh:mm:ss[.fraction] and Z or ±hh:mm";
  }

  private static boolean digits(String s, int from, int count) {
    if (from + count > s.length()) {
      return false;
    }
    for (int i = from; i < from + count; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static int number(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      value = value * 10 + s.charAt(i) - '0';
    }
    return value;
  }
}
