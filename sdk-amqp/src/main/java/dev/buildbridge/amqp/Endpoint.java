package dev.buildbridge.amqp;

import com.rabbitmq.client.ConnectionFactory;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * A broker address parsed from an {@code amqp://} or {@code amqps://} URI. Holds the password but
 * never shows it: {@link #toString()} and every message use {@link #redacted()}.
 */
final class Endpoint {
  static final int AMQP_PORT = 5672;
  static final int AMQPS_PORT = 5671;

  private final boolean tls;
  private final String host;
  private final int port;
  private final String username;
  private final String password;
  private final String virtualHost;

  private Endpoint(boolean tls, String host, int port, String username, String password,
      String virtualHost) {
    this.tls = tls;
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
    this.virtualHost = virtualHost;
  }

  /**
   * Parses {@code amqp[s]://[user[:password]@]host[:port][/vhost]}. User info and the virtual host
   * are percent-decoded; a missing user is {@code guest}/{@code guest} (as in the RabbitMQ client);
   * a missing or empty path is the virtual host {@code /}, which may also be written {@code /%2F}.
   * Messages never quote the URI, because it may hold a password.
   */
  static Endpoint parse(String uri, String field) {
    Objects.requireNonNull(uri, field);
    URI u;
    try {
      u = new URI(uri.strip());
    } catch (URISyntaxException e) {
      // e.getMessage() quotes the input: report only the position and the reason
      throw new IllegalArgumentException(field + " is not a URI (" + e.getReason() + " at index "
          + e.getIndex() + ")");
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    boolean tls;
    if (scheme.equals("amqp")) {
      tls = false;
    } else if (scheme.equals("amqps")) {
      tls = true;
    } else {
      throw new IllegalArgumentException(
          field + " must start with amqp:// or amqps://, not \"" + scheme + ":\"");
    }
    String host = u.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException(field + " has no host (expected amqp://host:port/vhost;"
          + " a host name must not contain '_')");
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (u.getRawQuery() != null || u.getRawFragment() != null) {
      throw new IllegalArgumentException(
          field + " must not have a query or fragment; set options on the builder");
    }
    int port = u.getPort() == -1 ? (tls ? AMQPS_PORT : AMQP_PORT) : u.getPort();
    String username = "guest";
    String password = "guest";
    String userInfo = u.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), field, "user name");
      password = colon < 0 ? "" : decode(userInfo.substring(colon + 1), field, "password");
      if (username.isEmpty()) {
        throw new IllegalArgumentException(field + " has an empty user name");
      }
    }
    String path = u.getRawPath();
    String vhost;
    if (path == null || path.isEmpty() || path.equals("/")) {
      vhost = "/";
    } else {
      String segment = path.substring(1);
      if (segment.indexOf('/') >= 0) {
        throw new IllegalArgumentException(field + " has more than one path segment; write the"
            + " virtual host as one segment, with '/' as %2F");
      }
      vhost = decode(segment, field, "virtual host");
    }
    return new Endpoint(tls, host, port, username, password, vhost);
  }

  private static String decode(String raw, String field, String part) {
    if (raw.indexOf('%') < 0) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    int i = 0;
    while (i < raw.length()) {
      int escape = raw.indexOf('%', i);
      int end = escape < 0 ? raw.length() : escape;
      if (end > i) {
        out.writeBytes(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
      }
      if (escape < 0) {
        break;
      }
      int hi = escape + 2 < raw.length() ? Character.digit(raw.charAt(escape + 1), 16) : -1;
      int lo = hi < 0 ? -1 : Character.digit(raw.charAt(escape + 2), 16);
      if (lo < 0) {
        throw new IllegalArgumentException(field + " has a bad percent escape in its " + part);
      }
      out.write(hi << 4 | lo);
      i = escape + 3;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(field + " has percent escapes in its " + part
          + " that are not UTF-8");
    }
  }

  boolean tls() {
    return tls;
  }

  /** The URI without the password, as {@code amqp://user@host:port/vhost}. */
  String redacted() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    String v = virtualHost.equals("/") ? "" : virtualHost.replace("%", "%25").replace("/", "%2F");
    return (tls ? "amqps" : "amqp") + "://" + username + "@" + h + ":" + port + "/" + v;
  }

  /**
   * Makes a connection factory for this endpoint. Automatic recovery is off; callers that want it
   * turn it on.
   *
   * @param sslContext the TLS context for amqps, or {@code null} for the JVM's default
   */
  ConnectionFactory factory(SSLContext sslContext, Duration connectTimeout, Duration heartbeat,
      Duration rpcTimeout) {
    ConnectionFactory f = new ConnectionFactory();
    f.setHost(host);
    f.setPort(port);
    f.setUsername(username);
    f.setPassword(password);
    f.setVirtualHost(virtualHost);
    if (tls) {
      SSLContext context = sslContext;
      if (context == null) {
        try {
          context = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
          throw new IllegalStateException("the JVM has no default TLS context", e);
        }
      }
      f.useSslProtocol(context);
      f.enableHostnameVerification();
    }
    int connectMillis = millis(connectTimeout);
    f.setConnectionTimeout(connectMillis);
    f.setHandshakeTimeout(connectMillis);
    f.setRequestedHeartbeat((int) Math.min(heartbeat.toSeconds(), 65535));
    f.setChannelRpcTimeout(millis(rpcTimeout));
    f.setAutomaticRecoveryEnabled(false);
    f.setTopologyRecoveryEnabled(false);
    return f;
  }

  static int millis(Duration d) {
    return (int) Math.max(1, Math.min(d.toMillis(), Integer.MAX_VALUE));
  }

  @Override
  public String toString() {
    return redacted();
  }
}
