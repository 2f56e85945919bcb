package dev.buildbridge.amqp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EndpointTest {
  private static ConnectionFactory factory(String uri) {
    return Endpoint.parse(uri, "uri").factory(null, Duration.ofSeconds(3), Duration.ofSeconds(20),
        Duration.ofSeconds(4));
  }

  @Test
  void readsUserPasswordHostPortAndVirtualHost() {
    ConnectionFactory f = factory("amqp://gateway:s3cret@rabbit.internal:5673/ci");
    assertEquals("rabbit.internal", f.getHost());
    assertEquals(5673, f.getPort());
    assertEquals("gateway", f.getUsername());
    assertEquals("s3cret", f.getPassword());
    assertEquals("ci", f.getVirtualHost());
    assertEquals(3000, f.getConnectionTimeout());
    assertEquals(3000, f.getHandshakeTimeout());
    assertEquals(20, f.getRequestedHeartbeat());
    assertEquals(4000, f.getChannelRpcTimeout());
    assertFalse(f.isAutomaticRecoveryEnabled());
    assertFalse(f.isSSL());
  }

  @Test
  void defaultsToPort5672GuestAndTheRootVirtualHost() {
    for (String uri : new String[] {"amqp://localhost", "amqp://localhost/", "amqp://localhost/%2F",
        "AMQP://localhost/%2f"}) {
      ConnectionFactory f = factory(uri);
      assertEquals(5672, f.getPort(), uri);
      assertEquals("guest", f.getUsername(), uri);
      assertEquals("guest", f.getPassword(), uri);
      assertEquals("/", f.getVirtualHost(), uri);
    }
  }

  @Test
  void amqpsUsesPort5671AndTls() {
    ConnectionFactory f = factory("amqps://u:p@rabbit.example.org");
    assertEquals(5671, f.getPort());
    assertTrue(f.isSSL());
    assertTrue(Endpoint.parse("amqps://h", "uri").tls());
  }

  @Test
  void percentDecodesUserInfoAndVirtualHost() {
    ConnectionFactory f = factory("amqp://us%40er:p%3Aa%2Fs%25s@[::1]:5672/v%2Fh%C3%A9");
    assertEquals("us@er", f.getUsername());
    assertEquals("p:a/s%s", f.getPassword());
    assertEquals("::1", f.getHost());
    assertEquals("v/hé", f.getVirtualHost());
  }

  @Test
  void redactedFormNeverShowsThePassword() {
    Endpoint e = Endpoint.parse("amqp://gateway:s3cret@rabbit:5672/ci", "uri");
    assertEquals("amqp://gateway@rabbit:5672/ci", e.redacted());
    assertEquals(e.redacted(), e.toString());
    assertEquals("amqps://guest@[::1]:5671/", Endpoint.parse("amqps://[::1]", "uri").redacted());
    assertEquals("amqp://guest@h:5672/a%2Fb", Endpoint.parse("amqp://h/a%2Fb", "uri").redacted());
  }

  @Test
  void rejectsOtherSchemes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Endpoint.parse("http://u:s3cret@rabbit/", "uri"));
    assertEquals("uri must start with amqp:// or amqps://, not \"http:\"", e.getMessage());
  }

  @Test
  void rejectsAUriThatIsNotAUriWithoutQuotingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Endpoint.parse("amqp://u:s3cret word@rabbit/", "uri"));
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    assertTrue(e.getMessage().startsWith("uri is not a URI ("), e.getMessage());
  }

  @Test
  void rejectsAMissingHost() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Endpoint.parse("amqp:///vhost", "uri"));
    assertTrue(e.getMessage().startsWith("uri has no host"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("amqp://my_rabbit/", "uri"));
  }

  @Test
  void rejectsQueryParameters() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Endpoint.parse("amqp://h/?heartbeat=10", "uri"));
    assertEquals("uri must not have a query or fragment; set options on the builder",
        e.getMessage());
  }

  @Test
  void rejectsMoreThanOnePathSegment() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Endpoint.parse("amqp://h/a/b", "uri"));
    assertTrue(e.getMessage().startsWith("uri has more than one path segment"), e.getMessage());
  }

  @Test
  void rejectsEscapesThatAreNotUtf8() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Endpoint.parse("amqp://u:%C3%28@h/", "uri"));
    assertEquals("uri has percent escapes in its password that are not UTF-8", e.getMessage());
  }

  @Test
  void rejectsAnEmptyUserName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Endpoint.parse("amqp://:pw@h/", "uri"));
    assertEquals("uri has an empty user name", e.getMessage());
  }

  @Test
  void rejectsNull() {
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> Endpoint.parse(null, "uri"));
    assertEquals("uri", e.getMessage());
  }
}
