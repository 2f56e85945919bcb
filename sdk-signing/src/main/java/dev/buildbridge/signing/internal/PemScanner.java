package dev.buildbridge.signing.internal;

import dev.buildbridge.signing.SignatureVerificationException;
import dev.buildbridge.signing.SignatureVerificationException.Reason;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Finds PEM blocks in text, one at a time. Text outside blocks is ignored (comments, a certificate
 * chain's subject lines); every line is stripped of surrounding blanks first, so CRLF line ends and
 * indented blocks (keys pasted into YAML or properties files) are read as well. Not thread-safe.
 */
public final class PemScanner {
  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  private static final int MAX_LABEL_CHARS = 64;

  private final String text;
  private int pos;

  /**
   * Creates a scanner over the text.
   *
   * @param text the text to scan
   */
  public PemScanner(String text) {
    this.text = Objects.requireNonNull(text, "text");
  }

  /**
   * Returns the next block, or {@code null} when there is none.
   *
   * @return the next block or {@code null}
   * @throws SignatureVerificationException MALFORMED_KEY when a block has a bad label, no END line or
   *     an END line with another label
   */
  public PemBlock next() {
    String line;
    while ((line = nextLine()) != null) {
      if (line.startsWith(BEGIN)) {
        return readBlock(label(line, BEGIN, "BEGIN"));
      }
    }
    return null;
  }

  private PemBlock readBlock(String label) {
    Map<String, String> headers = new LinkedHashMap<>();
    StringBuilder body = new StringBuilder();
    String line;
    while ((line = nextLine()) != null) {
      if (line.startsWith(END)) {
        String endLabel = label(line, END, "END");
        if (!endLabel.equals(label)) {
          throw malformed("PEM block '" + label + "' is closed by END line '" + endLabel + "'");
        }
        return new PemBlock(label, headers, body.toString());
      }
      if (line.startsWith(BEGIN)) {
        break;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && body.length() == 0) {
        // RFC 1421 header; base64 never holds ':'
        headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      } else {
        body.append(line);
      }
    }
    throw malformed("PEM block '" + label + "' has no '-----END " + label + "-----' line");
  }

  private static String label(String line, String prefix, String kind) {
    if (!line.endsWith(DASHES) || line.length() < prefix.length() + DASHES.length()) {
      throw malformed("PEM " + kind + " line does not end with '-----'");
    }
    String label = line.substring(prefix.length(), line.length() - DASHES.length());
    if (label.isEmpty() || label.length() > MAX_LABEL_CHARS) {
      throw malformed("PEM " + kind + " line has an empty or over-long label");
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '-') {
        throw malformed("PEM " + kind + " line has a label with characters outside printable ASCII");
      }
    }
    return label;
  }

  /** Returns the next line, stripped, or null at the end of the text. */
  private String nextLine() {
    int length = text.length();
    if (pos >= length) {
      return null;
    }
    int start = pos;
    int end = start;
    while (end < length && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    pos = end;
    if (pos < length && text.charAt(pos) == '\r') {
      pos++;
    }
    if (pos < length && text.charAt(pos) == '\n') {
      pos++;
    }
    return text.substring(start, end).strip();
  }

  private static SignatureVerificationException malformed(String message) {
    return new SignatureVerificationException(Reason.MALFORMED_KEY, null, message);
  }
}
