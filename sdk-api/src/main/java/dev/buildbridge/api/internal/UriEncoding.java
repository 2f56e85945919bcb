package dev.buildbridge.api.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of path segments and query components (RFC 3986): every byte of the UTF-8 form
 * except the unreserved characters {@code A-Z a-z 0-9 - . _ ~} is written as {@code %XX}. A slash, a
 * {@code #}, a {@code ?} or a space in a value can therefore never change the shape of a URL.
 */
public final class UriEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriEncoding() {}

  /**
   * Encodes one path segment or query component.
   *
   * @param value the text to encode
   * @param what what the value is, for the error message (such as {@code "path argument owner"})
   * @return the encoded text
   * @throws IllegalArgumentException if the value holds an unpaired surrogate (it has no UTF-8 form)
   */
  public static String encode(String value, String what) {
    int plain = 0;
    while (plain < value.length() && isUnreserved(value.charAt(plain))) {
      plain++;
    }
    if (plain == value.length()) {
      return value;
    }
    byte[] utf8 = utf8(value, what);
    StringBuilder out = new StringBuilder(utf8.length + 16);
    for (byte b : utf8) {
      char c = (char) (b & 0xFF);
      if (c < 0x80 && isUnreserved(c)) {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  /**
   * Decodes percent escapes; a {@code +} stays a plus sign.
   *
   * @param raw encoded text
   * @return the decoded text
   * @throws IllegalArgumentException on a truncated or non-hex escape, or escapes that are not UTF-8
   */
  public static String decode(String raw) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException("truncated percent escape at index " + i);
        }
        int hi = Character.digit(raw.charAt(i + 1), 16);
        int lo = Character.digit(raw.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("bad percent escape at index " + i);
        }
        bytes.write(hi << 4 | lo);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        byte[] utf8 = utf8(String.valueOf(c), "text");
        bytes.write(utf8, 0, utf8.length);
      }
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return decoder.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("percent escapes are not UTF-8", e);
    }
  }

  /**
   * Returns whether a character is unreserved in RFC 3986.
   *
   * @param c the character
   * @return true for {@code A-Z a-z 0-9 - . _ ~}
   */
  public static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static byte[] utf8(String value, String what) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer buffer = encoder.encode(CharBuffer.wrap(value));
      byte[] out = new byte[buffer.remaining()];
      buffer.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(what + " is not valid UTF-16 (unpaired surrogate)", e);
    }
  }
}
