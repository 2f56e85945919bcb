package dev.buildbridge.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UriEncodingTest {
  @Test
  void encodesEverythingButUnreserved() {
    assertEquals("a-b._~%20%2F%3F%23%25%2B%26", UriEncoding.encode("a-b._~ /?#%+&", "x"));
    assertEquals("%E2%9C%93%F0%9F%98%80", UriEncoding.encode("\u2713\uD83D\uDE00", "x"));
  }

  @Test
  void decodesAndRoundTrips() {
    String text = "per page/\u00fc+x";
    assertEquals(text, UriEncoding.decode(UriEncoding.encode(text, "x")));
    assertEquals("a+b", UriEncoding.decode("a+b"));
  }

  @Test
  void refusesBadEscapes() {
    assertThrows(IllegalArgumentException.class, () -> UriEncoding.decode("%4"));
    assertThrows(IllegalArgumentException.class, () -> UriEncoding.decode("%zz"));
    assertThrows(IllegalArgumentException.class, () -> UriEncoding.decode("%C3%28"));
  }
}
