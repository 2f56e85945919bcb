package dev.buildbridge.samples.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  /** Hands out at most one byte per read, to put every boundary inside a read. */
  private static final class TrickleStream extends InputStream {
    private final byte[] data;
    private int pos;

    TrickleStream(byte[] data) {
      this.data = data;
    }

    @Override
    public int read() {
      return pos < data.length ? data[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      if (pos >= data.length) {
        return -1;
      }
      b[off] = data[pos++];
      return 1;
    }
  }

  private static List<String> readAll(InputStream in, int max) throws IOException {
    LineReader reader = new LineReader(in, max);
    List<String> lines = new ArrayList<>();
    for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
      lines.add(line.tooLong() ? "<too long>" : new String(line.bytes(), UTF_8));
    }
    return lines;
  }

  private static List<String> readAll(String text, int max) throws IOException {
    return readAll(new ByteArrayInputStream(text.getBytes(UTF_8)), max);
  }

  @Test
  void emptyInputHasNoLines() throws IOException {
    assertNull(new LineReader(new ByteArrayInputStream(new byte[0]), 10).next());
  }

  @Test
  void endOfInputStaysNullOnRepeatedCalls() throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream("a\n".getBytes(UTF_8)), 10);
    assertArrayEquals("a".getBytes(UTF_8), reader.next().bytes());
    assertNull(reader.next());
    assertNull(reader.next());
  }

  @Test
  void splitsOnNewlineWithoutTheTerminator() throws IOException {
    assertEquals(List.of("one", "two", "three"), readAll("one\ntwo\nthree\n", 100));
  }

  @Test
  void stripsCarriageReturnOfCrlf() throws IOException {
    assertEquals(List.of("one", "two"), readAll("one\r\ntwo\r\n", 100));
  }

  @Test
  void keepsCarriageReturnInsideALine() throws IOException {
    assertEquals(List.of("a\rb"), readAll("a\rb\n", 100));
  }

  @Test
  void returnsLastLineWithoutNewline() throws IOException {
    assertEquals(List.of("one", "last"), readAll("one\nlast", 100));
  }

  @Test
  void finalNewlineDoesNotMakeAnExtraEmptyLine() throws IOException {
    assertEquals(List.of("only"), readAll("only\n", 100));
  }

  @Test
  void keepsBlankLinesInPlace() throws IOException {
    assertEquals(List.of("a", "", "", "b"), readAll("a\n\n\r\nb\n", 100));
  }

  @Test
  void singleNewlineIsOneEmptyLine() throws IOException {
    assertEquals(List.of(""), readAll("\n", 100));
  }

  @Test
  void lineOfExactlyMaxBytesIsNotTooLong() throws IOException {
    assertEquals(List.of("abcd", "e"), readAll("abcd\ne\n", 4));
  }

  @Test
  void overlongLineIsFlaggedWithNoBytesAndSkippedToNextLine() throws IOException {
    LineReader reader = new LineReader(
        new ByteArrayInputStream("abcdefghij\nok\n".getBytes(UTF_8)), 4);
    LineReader.Line first = reader.next();
    assertTrue(first.tooLong());
    assertEquals(0, first.bytes().length);
    LineReader.Line second = reader.next();
    assertFalse(second.tooLong());
    assertArrayEquals("ok".getBytes(UTF_8), second.bytes());
    assertNull(reader.next());
  }

  @Test
  void overlongLastLineWithoutNewlineIsFlagged() throws IOException {
    assertEquals(List.of("ok", "<too long>"), readAll("ok\nabcdefghij", 4));
  }

  @Test
  void overlongLineSpanningManyReadsIsSkippedWhole() throws IOException {
    byte[] data = ("x".repeat(200_000) + "\nafter\n").getBytes(UTF_8);
    assertEquals(List.of("<too long>", "after"), readAll(new ByteArrayInputStream(data), 1000));
  }

  @Test
  void lineLongerThanInternalBufferIsReturnedWhole() throws IOException {
    String big = "y".repeat(150_000);
    assertEquals(List.of(big, "z"), readAll(big + "\nz\n", 200_000));
  }

  @Test
  void boundariesInsideSingleByteReadsGiveSameLines() throws IOException {
    byte[] data = "one\r\ntwo\n\nthree-is-long\nfour".getBytes(UTF_8);
    assertEquals(List.of("one", "two", "", "<too long>", "four"),
        readAll(new TrickleStream(data), 6));
  }

  @Test
  void keepsNonAsciiBytesIntact() throws IOException {
    byte[] data = "é✓\n".getBytes(UTF_8);
    LineReader.Line line = new LineReader(new ByteArrayInputStream(data), 100).next();
    assertArrayEquals(Arrays.copyOf(data, data.length - 1), line.bytes());
  }

  @Test
  void lineOfExactlyMaxBytesEndingInCrlfIsNotTooLong() throws IOException {
    assertEquals(List.of("abcd", "e"), readAll("abcd\r\ne\r\n", 4));
  }
}
