package dev.buildbridge.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void excerptEscapesControlsAndCuts() {
    assertEquals("a\\nb\\u0000c", Texts.excerpt("a\nb\0c".getBytes(StandardCharsets.UTF_8), 20));
    assertEquals("abcde...", Texts.excerpt("abcdefgh".getBytes(StandardCharsets.UTF_8), 5));
    assertEquals("", Texts.excerpt(new byte[0], 5));
  }

  @Test
  void excerptReplacesInvalidUtf8() {
    assertEquals("a\uFFFDb", Texts.excerpt(new byte[] {'a', (byte) 0xC3, 'b'}, 10));
  }

  @Test
  void excerptOfAHugeBodyDecodesOnlyItsStart() {
    byte[] huge = new byte[50_000_000];
    java.util.Arrays.fill(huge, (byte) 'x');
    assertEquals(Texts.MAX_EXCERPT + 3, Texts.excerpt(huge, Texts.MAX_EXCERPT).length());
  }
}
