package dev.buildbridge.workflow.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.buildbridge.workflow.WorkflowException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GitUrlTest {
  private static final Set<String> ALL = GitUrl.SCHEMES;

  @Test
  void movesHttpUserInfoIntoCredentials() {
    GitUrl url = GitUrl.parse("https://x-access-token:ghs%2Fabc@github.com/octo/hello.git", ALL);
    assertEquals("https", url.scheme);
    assertEquals("https://github.com/octo/hello.git", url.display());
    assertEquals("x-access-token", url.user);
    assertEquals("ghs/abc", url.password);

    GitUrl tokenOnly = GitUrl.parse("http://TOKEN@host:8080/r.git?x=1", ALL);
    assertEquals("http://host:8080/r.git?x=1", tokenOnly.display());
    assertEquals("TOKEN", tokenOnly.user);
    assertEquals("", tokenOnly.password);
  }

  @Test
  void keepsAnSshUserButNotItsPassword() {
    GitUrl user = GitUrl.parse("ssh://git@host/octo/hello.git", ALL);
    assertEquals("ssh://git@host/octo/hello.git", user.display());
    assertNull(user.user);
    GitUrl password = GitUrl.parse("ssh://git:pw@host/octo/hello.git", ALL);
    assertEquals("ssh://git@host/octo/hello.git", password.display());
    assertEquals("pw", password.password);
    assertEquals("ssh", GitUrl.parse("git+ssh://host/x", ALL).scheme);
  }

  @Test
  void tellsScpLikeUrlsAndLocalPathsApart() {
    assertEquals("ssh", GitUrl.parse("git@github.com:octo/hello.git", ALL).scheme);
    assertEquals("file", GitUrl.parse("/srv/git/hello.git", ALL).scheme);
    assertEquals("file", GitUrl.parse("relative/dir:x", ALL).scheme);
    assertEquals("file", GitUrl.parse("file:///srv/git/hello.git", ALL).scheme);
  }

  @Test
  void rejectsUrlsThatCannotBeUsedSafely() {
    for (String bad : new String[] {null, "", "https://host/a b", "https://host/\n",
        "https://" + "a".repeat(2048)}) {
      WorkflowException e = assertThrows(WorkflowException.class, () -> GitUrl.parse(bad, ALL));
      assertEquals(WorkflowException.Reason.SOURCE_UNREADABLE, e.reason());
      assertTrue(e.getMessage().startsWith("repository URL "), e.getMessage());
    }
    assertEquals("repository URL ftp://host/x.git uses ftp, which this source does not allow"
        + " (allowed: https)", assertThrows(WorkflowException.class,
            () -> GitUrl.parse("ftp://host/x.git", Set.of("https"))).getMessage());
  }

  @Test
  void cacheKeyIgnoresCredentials() {
    assertEquals(GitUrl.parse("https://github.com/octo/hello.git", ALL).cacheKey(),
        GitUrl.parse("https://u:p@github.com/octo/hello.git", ALL).cacheKey());
    assertTrue(GitUrl.parse("git@github.com:octo/hello.git", ALL).cacheKey()
        .startsWith("hello-"));
    assertTrue(GitUrl.parse("https://host/", ALL).cacheKey().startsWith("host-"));
  }
}
