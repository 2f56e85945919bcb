package dev.buildbridge.kcidb;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A named remote file: a log, an artifact, a patch. KCIDB lists them in {@code input_files},
 * {@code output_files} and {@code patchset_files}.
 *
 * <pre>{@code
 * Resource kernel = Resource.of("Image.gz",
 *     "https://storage.tuxsuite.com/public/demo/demo/builds/2ZITcwA6wxeKxh9cZA5HBJ6FkSj/Image.gz");
 * }</pre>
 *
 * @param name a file name to save it as: non-empty, no {@code /}, no NUL
 * @param url where to download it directly: an absolute RFC 3986 URI (non-ASCII percent-encoded)
 */
public record Resource(String name, String url) {

  /**
   * Checks both parts.
   *
   * @throws NullPointerException when either is null
   * @throws IllegalArgumentException when the name is empty or has {@code /} or NUL, or the URL is
   *     not a URI; the message names the part
   */
  public Resource {
    Checks.required("name", name, Syntax::resourceName);
    Checks.required("url", url, Syntax::uri);
  }

  /**
   * Returns a resource.
   *
   * @param name a file name: non-empty, no {@code /}, no NUL
   * @param url an absolute URI
   * @return the resource
   * @throws NullPointerException when either is null
   * @throws IllegalArgumentException when either breaks its rule
   */
  public static Resource of(String name, String url) {
    return new Resource(name, url);
  }

  ObjectNode toJsonNode() {
    ObjectNode o = JsonIo.NODES.objectNode();
    o.put("name", name);
    o.put("url", url);
    return o;
  }
}
