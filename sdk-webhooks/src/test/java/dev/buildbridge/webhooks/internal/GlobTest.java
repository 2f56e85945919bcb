package dev.buildbridge.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {
  @Test
  void literalMatchesOnlyItself() {
    assertTrue(Glob.of("main").matches("main"));
    assertFalse(Glob.of("main").matches("main2"));
    assertFalse(Glob.of("main").matches("mai"));
  }

  @Test
  void singleStarStopsAtSlash() {
    assertTrue(Glob.of("release/*").matches("release/1.0"));
    assertFalse(Glob.of("release/*").matches("release/1.0/hotfix"));
    assertTrue(Glob.of("*").matches("feature"));
    assertFalse(Glob.of("*").matches("feature/x"));
  }

  @Test
  void doubleStarCrossesSlashes() {
    assertTrue(Glob.of("release/**").matches("release/1.0/hotfix"));
    assertTrue(Glob.of("**").matches("a/b/c"));
    assertTrue(Glob.of("**/fix").matches("a/b/fix"));
  }

  @Test
  void questionMarkMatchesOneCharacterButNotSlash() {
    assertTrue(Glob.of("v?").matches("v1"));
    assertFalse(Glob.of("v?").matches("v10"));
    assertFalse(Glob.of("a?b").matches("a/b"));
  }

  @Test
  void manyStarsAgainstALongHostileNameFinishWithoutBacktrackingBlowUp() {
    String name = "a".repeat(5_000);
    assertFalse(Glob.of("*a*a*a*a*a*a*a*b").matches(name));
    assertTrue(Glob.of("**a**a**a").matches(name));
  }

  @Test
  void rejectsEmptyPattern() {
    assertThrows(IllegalArgumentException.class, () -> Glob.of(""));
  }
}
