package dev.buildbridge.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LinkHeaderTest {
  @Test
  void findsNextAmongGitHubLinks() {
    String header = "<https://api.github.com/repositories/1300192/issues?page=2>; rel=\"prev\","
        + " <https://api.github.com/repositories/1300192/issues?page=4>; rel=\"next\","
        + " <https://api.github.com/repositories/1300192/issues?page=515>; rel=\"last\"";
    assertEquals("https://api.github.com/repositories/1300192/issues?page=4",
        LinkHeader.next(header));
  }

  @Test
  void acceptsUnquotedAndMultiValuedRel() {
    assertEquals("/b", LinkHeader.next("</a>; rel=prev, </b>; title=\"x, y\"; rel=\"last NEXT\""));
  }

  @Test
  void returnsNullWithoutNext() {
    assertNull(LinkHeader.next("<https://x/a?page=1>; rel=\"first\""));
    assertNull(LinkHeader.next(""));
  }

  @Test
  void refusesMalformedHeaders() {
    assertThrows(IllegalArgumentException.class, () -> LinkHeader.next("https://x; rel=next"));
    assertThrows(IllegalArgumentException.class, () -> LinkHeader.next("<https://x; rel=next"));
    assertThrows(IllegalArgumentException.class,
        () -> LinkHeader.next("<https://x>; rel=\"next"));
    assertThrows(IllegalArgumentException.class,
        () -> LinkHeader.next("<a>" + " ".repeat(LinkHeader.MAX_LENGTH)));
  }
}
