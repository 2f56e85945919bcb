package dev.buildbridge.kcidb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KcidbFormatsTest {

  @Test
  void turnsFreeFormNamesIntoTestPaths() {
    assertEquals("boot", KcidbFormats.toTestPath("boot"));
    assertEquals("ltp-syscalls.accept01", KcidbFormats.toTestPath("ltp-syscalls.accept01"));
    assertEquals("ltp-syscalls.accept01", KcidbFormats.toTestPath("ltp-syscalls/accept01"));
    assertEquals("kselftest.net.ip_defrag.sh",
        KcidbFormats.toTestPath("kselftest:net/ip_defrag.sh"));
    assertEquals("a.b", KcidbFormats.toTestPath("..a..b.."));
    assertEquals("a_b.c", KcidbFormats.toTestPath("a+b c"));
    assertEquals("_", KcidbFormats.toTestPath("\uD83D\uDE00"));
    assertEquals("", KcidbFormats.toTestPath(" ./ "));
    for (String name : new String[] {"x y/z", "é.ü", "a\0b", "....", "-_-"}) {
      assertTrue(KcidbFormats.isTestPath(KcidbFormats.toTestPath(name)), name);
    }
  }

  @Test
  void keepsTheTailOfLongLogsWithinTheExcerptLimit() {
    String emoji = "\uD83D\uDE00";
    String log = "head\0" + "x".repeat(10) + emoji.repeat(16_384);

    String excerpt = KcidbFormats.logExcerptTail(log);

    assertEquals(emoji.repeat(16_384), excerpt);
    assertEquals("ab", KcidbFormats.logExcerptTail("a\0b"));
    String shortLog = "short";
    assertSame(shortLog, KcidbFormats.logExcerptTail(shortLog));
    String bmp = "y".repeat(20_000);
    assertEquals(16_384, KcidbFormats.logExcerptTail(bmp).length());
  }

  @Test
  void stripsNul() {
    assertEquals("ab", KcidbFormats.stripNul("\0a\0b\0"));
    String clean = "clean";
    assertSame(clean, KcidbFormats.stripNul(clean));
  }

  @Test
  void checksOriginsIdsUrisTimesAndPaths() {
    assertTrue(KcidbFormats.isOrigin("tuxsuite"));
    assertFalse(KcidbFormats.isOrigin("TuxSuite"));
    assertTrue(KcidbFormats.isId("maestro:67b62592f7707533c0ff7a77"));
    assertTrue(KcidbFormats.isId("a:"));
    assertFalse(KcidbFormats.isId("maestro"));
    assertTrue(KcidbFormats.isUri("https://storage.tuxsuite.com/public/x/build.log"));
    assertFalse(KcidbFormats.isUri("storage.tuxsuite.com/x"));
    assertTrue(KcidbFormats.isDateTime("2023-12-09T08:08:24.822016+00:00"));
    assertFalse(KcidbFormats.isDateTime("2023-12-09T08:08:24.822016"));
    assertTrue(KcidbFormats.isTestPath(""));
    assertFalse(KcidbFormats.isTestPath("a..b"));
    assertThrows(NullPointerException.class, () -> KcidbFormats.isUri(null));
  }
}
