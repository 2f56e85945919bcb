package dev.buildbridge.signing.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * A fuzz input read as a request: header lines ({@code Name: value}, split at the first colon),
 * an empty line, then the body bytes; without an empty line the whole input is the body. Names
 * keep their spelling, so one name may arrive in two spellings, as from a sloppy framework; of two
 * identical names the first counts.
 *
 * @param headers the headers in input order
 * @param body the body
 */
record FuzzedRequest(Map<String, String> headers, byte[] body) {
  /** The start of a header value that a fuzz test replaces by a correct signature of the body. */
  static final String SIGN = "@sign";

  static FuzzedRequest read(byte[] input) {
    int split = -1;
    for (int i = 0; i + 1 < input.length; i++) {
      if (input[i] == '\n' && input[i + 1] == '\n') {
        split = i;
        break;
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (split < 0) {
      return new FuzzedRequest(Collections.unmodifiableMap(headers), input);
    }
    for (String line : new String(input, 0, split, UTF_8).split("\n", -1)) {
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      headers.putIfAbsent(name, colon < 0 ? "" : line.substring(colon + 1).stripLeading());
    }
    return new FuzzedRequest(Collections.unmodifiableMap(headers),
        Arrays.copyOfRange(input, split + 2, input.length));
  }

  /** The first value under this name in any spelling, or null. */
  String header(String name) {
    for (Map.Entry<String, String> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /**
   * Returns this request with every header whose value starts with {@value #SIGN} given the value
   * {@code signer} returns for its name and that marker; a null from {@code signer} leaves the
   * header as it is.
   */
  FuzzedRequest signed(BinaryOperator<String> signer) {
    Map<String, String> copy = new LinkedHashMap<>();
    headers.forEach((name, value) -> {
      String signature = value.startsWith(SIGN) ? signer.apply(name, value) : null;
      copy.put(name, signature != null ? signature : value);
    });
    return new FuzzedRequest(Collections.unmodifiableMap(copy), body);
  }

  /** This request with {@code webhook-timestamp} (in the spelling it has, if any) set to a value. */
  FuzzedRequest withTimestamp(String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    String spelling = copy.keySet().stream().filter("webhook-timestamp"::equalsIgnoreCase)
        .findFirst().orElse("webhook-timestamp");
    copy.put(spelling, value);
    return new FuzzedRequest(Collections.unmodifiableMap(copy), body);
  }

  /** Whether some header asks to be signed. */
  boolean asksForSignature() {
    return headers.values().stream().anyMatch(value -> value.startsWith(SIGN));
  }

  /** Writes a request in the input form, for seeds. */
  static byte[] write(byte[] body, String... headerLines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 256);
    out.writeBytes(String.join("\n", headerLines).getBytes(UTF_8));
    out.writeBytes(new byte[] {'\n', '\n'});
    out.writeBytes(body);
    return out.toByteArray();
  }
}
