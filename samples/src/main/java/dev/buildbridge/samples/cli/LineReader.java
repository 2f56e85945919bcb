package dev.buildbridge.samples.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads newline-terminated lines of bytes with a bound on their length, so one hostile line cannot
 * exhaust memory. An overlong line is skipped to its end and reported as such.
 */
final class LineReader {
  /** What one {@link #next()} call found. */
  record Line(byte[] bytes, boolean tooLong) {}

  private final InputStream in;
  private final int maxBytes;
  private final byte[] buffer = new byte[64 * 1024];
  private int pos;
  private int limit;

  LineReader(InputStream in, int maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** Returns the next line without its terminator ({@code \n} or {@code \r\n}), or null at the end. */
  Line next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == limit) {
        limit = in.read(buffer, 0, buffer.length);
        pos = 0;
        if (limit <= 0) {
          limit = 0;
          return any ? finish(line, tooLong) : null;
        }
      }
      any = true;
      int start = pos;
      while (pos < limit && buffer[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      if (!tooLong) {
        // one byte of slack for the '\r' of a CRLF terminator; finish() applies the real bound
        if (line.size() + n > maxBytes + 1) {
          tooLong = true;
          line.reset();
        } else {
          line.write(buffer, start, n);
        }
      }
      if (pos < limit) {
        pos++; // the newline
        return finish(line, tooLong);
      }
    }
  }

  private Line finish(ByteArrayOutputStream line, boolean tooLong) {
    byte[] bytes = line.toByteArray();
    if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
      bytes = java.util.Arrays.copyOf(bytes, bytes.length - 1);
    }
    boolean over = tooLong || bytes.length > maxBytes;
    return new Line(over ? new byte[0] : bytes, over);
  }
}
