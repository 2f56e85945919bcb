package dev.buildbridge.api.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bounded, printable renderings of text from the network, for exception messages. */
public final class Texts {
  /** Longest body excerpt kept on an exception, in characters. */
  public static final int MAX_EXCERPT = 512;

  private Texts() {}

  /**
   * Returns the start of a body as text: decoded as UTF-8 (bad bytes become U+FFFD), at most
   * {@code max} characters, control characters escaped, with {@code "..."} appended when cut.
   *
   * @param body the body bytes, may be null
   * @param max the longest result before the ellipsis
   * @return the excerpt, empty for an empty or null body
   */
  public static String excerpt(byte[] body, int max) {
    if (body == null || body.length == 0) {
      return "";
    }
    // 4 bytes per character at most: never decode more than needed
    int take = (int) Math.min(body.length, (long) max * 4 + 4);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer chars = CharBuffer.allocate(max + 1);
    decoder.decode(ByteBuffer.wrap(body, 0, take), chars, true);
    chars.flip();
    boolean cut = chars.remaining() > max || take < body.length;
    String text = chars.limit() > max ? chars.subSequence(0, max).toString() : chars.toString();
    return escapeControls(text, max) + (cut ? "..." : "");
  }

  /**
   * Escapes control characters ({@code \n}, {@code \r}, {@code \t} by name, others as
   * {@code \}{@code uXXXX}) and cuts the text to {@code max} characters, appending {@code "..."}.
   *
   * @param text the text
   * @param max the longest result before the ellipsis
   * @return printable text on one line
   */
  public static String escapeControls(String text, int max) {
    boolean clean = text.length() <= max;
    for (int i = 0; clean && i < text.length(); i++) {
      clean = !isControl(text.charAt(i));
    }
    if (clean) {
      return text;
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 8);
    int n = Math.min(text.length(), max);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (isControl(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    if (text.length() > max) {
      out.append("...");
    }
    return out.toString();
  }

  private static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == '\u2028' || c == '\u2029';
  }
}
