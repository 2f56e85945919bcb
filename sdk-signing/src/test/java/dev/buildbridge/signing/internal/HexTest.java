package dev.buildbridge.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HexTest {
  @Test
  void encodesLowerCaseAfterPrefix() {
    assertEquals("sha1=00ff7f80", Hex.encode("sha1=", new byte[] {0, -1, 0x7f, -128}));
    assertEquals("", Hex.encode("", new byte[0]));
  }

  @Test
  void decodesUpperAndLowerCaseDigits() {
    byte[] out = new byte[4];
    Hex.decode("x00fF7f80", 1, 9, out);
    assertArrayEquals(new byte[] {0, -1, 0x7f, -128}, out);
  }

  @Test
  void digitRecognisesExactlyTheHexAlphabet() {
    for (char c = 0; c < 0x300; c++) {
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      assertEquals(hex, Hex.digit(c) >= 0, "char " + (int) c);
    }
    assertEquals(10, Hex.digit('A'));
    assertEquals(15, Hex.digit('f'));
    assertEquals(9, Hex.digit('9'));
  }

  @Test
  void findsFirstNonHexCharacterInRange() {
    assertEquals(-1, Hex.indexOfNonHex("zz0aFzz", 2, 5));
    assertEquals(5, Hex.indexOfNonHex("zz0aFgz", 2, 7));
  }

  @Test
  void decodeRejectsRangeThatDoesNotFitOutput() {
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("abc", 0, 3, new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("abcd", 0, 4, new byte[1]));
    assertThrows(IllegalArgumentException.class, () -> Hex.decode("zz", 0, 2, new byte[1]));
  }
}
