package dev.buildbridge.workflow.git;

import dev.buildbridge.workflow.WorkflowException;
import dev.buildbridge.workflow.WorkflowException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A repository URL split for safe use: the scheme class ({@code https}, {@code http}, {@code ssh},
 * {@code git}, {@code file}), the URL JGit is given with any password (and, for HTTP, the whole
 * user info) taken out, and the credentials taken out of it. Messages use {@link #display()},
 * which never holds a secret.
 */
final class GitUrl {
  static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "git", "file");
  private static final int MAX_LENGTH = 2048;

  final String scheme;
  /** The URL without secrets: what JGit is given and messages show. */
  final String display;
  /** User from the URL's user info when it is moved to credentials, else null. */
  final String user;
  /** Password from the URL's user info, or null. */
  final String password;

  private GitUrl(String scheme, String display, String user, String password) {
    this.scheme = scheme;
    this.display = display;
    this.user = user;
    this.password = password;
  }

  String display() {
    return display;
  }

  boolean hasCredentials() {
    return user != null || password != null;
  }

  /**
   * Parses a clone URL: {@code scheme://[user[:password]@]host/path}, scp-like
   * {@code [user@]host:path} (ssh), or a local path (file).
   *
   * @throws WorkflowException SOURCE_UNREADABLE when it is empty, too long, holds control
   *     characters or spaces, or has a scheme that is not allowed
   */
  static GitUrl parse(String url, Set<String> allowed) {
    if (url == null || url.isEmpty() || url.length() > MAX_LENGTH) {
      throw unusable("repository URL is " + (url == null ? "missing"
          : url.isEmpty() ? "empty" : "longer than " + MAX_LENGTH + " characters"));
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c <= 0x20 || c == 0x7f) {
        throw unusable("repository URL holds a space or control character");
      }
    }
    GitUrl parsed = split(url);
    if (!allowed.contains(parsed.scheme)) {
      throw unusable("repository URL " + parsed.display + " uses " + parsed.scheme
          + ", which this source does not allow (allowed: " + String.join(", ",
              new TreeSet<>(allowed)) + ")");
    }
    return parsed;
  }

  private static GitUrl split(String url) {
    int sep = url.indexOf("://");
    if (sep > 0 && isScheme(url, sep)) {
      String scheme = url.substring(0, sep).toLowerCase(Locale.ROOT);
      String kind = scheme.equals("git+ssh") || scheme.equals("ssh+git") ? "ssh" : scheme;
      int start = sep + 3;
      int end = start;
      while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
        end++;
      }
      int at = url.lastIndexOf('@', end - 1);
      if (at < start) {
        return new GitUrl(kind, url, null, null);
      }
      String userInfo = url.substring(start, at);
      int colon = userInfo.indexOf(':');
      String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      String password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
      boolean http = kind.equals("http") || kind.equals("https");
      if (!http && password == null) {
        return new GitUrl(kind, url, null, null); // ssh://git@host/...: the user is no secret
      }
      String keep = http ? "" : url.substring(start, start + colon) + '@';
      return new GitUrl(kind, url.substring(0, start) + keep + url.substring(at + 1), user,
          password == null ? "" : password);
    }
    int colon = url.indexOf(':');
    int slash = url.indexOf('/');
    if (colon > 0 && (slash < 0 || colon < slash)) {
      return new GitUrl("ssh", url, null, null);
    }
    return new GitUrl("file", url, null, null);
  }

  private static boolean isScheme(String url, int end) {
    for (int i = 0; i < end; i++) {
      char c = url.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
          || (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** Percent-decodes user info as UTF-8; a malformed escape is kept as written. */
  private static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int hi = i + 2 < s.length() && c == '%' ? Character.digit(s.charAt(i + 1), 16) : -1;
      int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
      if (lo >= 0) {
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Returns the mirror's directory name: the repository name (letters, digits, {@code .-_}, at
   * most 40) and 32 hex digits of the SHA-256 of the URL without secrets.
   */
  String cacheKey() {
    String path = display;
    int end = path.length();
    while (end > 0 && (path.charAt(end - 1) == '/')) {
      end--;
    }
    if (end >= 4 && path.regionMatches(true, end - 4, ".git", 0, 4)) {
      end -= 4;
    }
    int start = end;
    while (start > 0 && "/:\\".indexOf(path.charAt(start - 1)) < 0) {
      start--;
    }
    StringBuilder name = new StringBuilder();
    for (int i = start; i < end && name.length() < 40; i++) {
      char c = path.charAt(i);
      boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || (c == '.' && name.length() > 0);
      name.append(safe ? c : '_');
    }
    if (name.length() == 0) {
      name.append("repo");
    }
    return name + "-" + sha256Hex(display).substring(0, 32);
  }

  private static String sha256Hex(String s) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(digest.length * 2);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  private static WorkflowException unusable(String message) {
    return new WorkflowException(Reason.SOURCE_UNREADABLE, message, null);
  }
}
