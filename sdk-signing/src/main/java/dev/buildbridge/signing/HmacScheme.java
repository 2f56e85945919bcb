package dev.buildbridge.signing;

/**
 * How a forge puts an HMAC of the raw webhook body into a header: which header, which prefix before
 * the hex digest, and which hash. Pick one with {@link WebhookHmac#of(HmacScheme, byte[])}.
 *
 * <pre>{@code
 * WebhookHmac gitea = WebhookHmac.of(HmacScheme.GITEA, secret);
 * gitea.verify(request.getHeader(HmacScheme.GITEA.headerName()), body);
 * }</pre>
 *
 * <p>Gitea and Forgejo send the same digest three times: bare in their own header, and as
 * {@code sha256=<hex>} in {@code X-Hub-Signature-256}, so {@link #GITHUB_SHA256} verifies them too.
 */
public enum HmacScheme {
  /** GitHub's {@code X-Hub-Signature-256: sha256=<64 hex digits>}, HMAC-SHA256. The one to use. */
  GITHUB_SHA256("X-Hub-Signature-256", "sha256=", "HmacSHA256", 32),
  /**
   * GitHub's legacy {@code X-Hub-Signature: sha1=<40 hex digits>}, HMAC-SHA1, kept by GitHub "for
   * compatibility". Prefer {@link #GITHUB_SHA256}.
   */
  GITHUB_SHA1("X-Hub-Signature", "sha1=", "HmacSHA1", 20),
  /** Gitea's {@code X-Gitea-Signature: <64 hex digits>}: bare hex HMAC-SHA256, no prefix. */
  GITEA("X-Gitea-Signature", "", "HmacSHA256", 32),
  /** Forgejo's {@code X-Forgejo-Signature: <64 hex digits>}: bare hex HMAC-SHA256, no prefix. */
  FORGEJO("X-Forgejo-Signature", "", "HmacSHA256", 32);

  private final String headerName;
  private final String prefix;
  private final String macAlgorithm;
  private final int digestLength;
  private final String expectedForm;

  HmacScheme(String headerName, String prefix, String macAlgorithm, int digestLength) {
    this.headerName = headerName;
    this.prefix = prefix;
    this.macAlgorithm = macAlgorithm;
    this.digestLength = digestLength;
    this.expectedForm = prefix + "<" + digestLength * 2 + " hex digits>";
  }

  /**
   * Returns the HTTP header that carries the signature, spelled as the forge documents it, such as
   * {@code X-Hub-Signature-256}. HTTP header names are case-insensitive; look it up accordingly.
   *
   * @return the header name
   */
  public String headerName() {
    return headerName;
  }

  /**
   * Returns the text before the hex digest in the header value: {@code sha256=} or {@code sha1=} for
   * GitHub, the empty string for Gitea and Forgejo. Verification accepts it in any letter case.
   *
   * @return the prefix, possibly empty
   */
  public String prefix() {
    return prefix;
  }

  /**
   * Returns the length of the MAC in bytes: 32 for HMAC-SHA256, 20 for HMAC-SHA1. The header holds
   * twice as many hex digits.
   *
   * @return the digest length in bytes
   */
  public int digestLength() {
    return digestLength;
  }

  /** The JCA name of the MAC, such as {@code HmacSHA256}. */
  String macAlgorithm() {
    return macAlgorithm;
  }

  /** The header value's shape for messages, such as {@code sha256=<64 hex digits>}. */
  String expectedForm() {
    return expectedForm;
  }
}
