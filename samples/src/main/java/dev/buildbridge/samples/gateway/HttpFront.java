package dev.buildbridge.samples.gateway;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.buildbridge.core.json.HardenedJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The gateway's HTTP side on the JDK {@code HttpServer}: exact-path routing, a bounded worker pool
 * (a full pool answers 503 from a small shedding pool instead of queueing without end), bodies read
 * up to a limit (413 beyond), JSON answers, and a drain that lets requests in flight finish while
 * new ones are turned away.
 */
final class HttpFront implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(Gateway.class.getName());
  static final ObjectMapper JSON = HardenedJson.newMapper();

  /** One request, its body read. */
  record Request(String method, String path, Map<String, String> query, Headers headers,
      byte[] body) {

    String header(String name) {
      return headers.getFirst(name);
    }
  }

  /** One answer. */
  record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    static Response json(int status, Object value) {
      try {
        byte[] body = JSON.writeValueAsBytes(value);
        byte[] withNewline = new byte[body.length + 1];
        System.arraycopy(body, 0, withNewline, 0, body.length);
        withNewline[body.length] = '\n';
        return new Response(status, "application/json", withNewline, Map.of());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a JSON answer", e);
      }
    }

    static Response error(int status, String message) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", status);
      body.put("error", message);
      return json(status, body);
    }

    static Response text(int status, String contentType, String text) {
      return new Response(status, contentType, text.getBytes(UTF_8), Map.of());
    }

    static Response empty(int status) {
      return new Response(status, null, new byte[0], Map.of());
    }

    Response withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Response(status, contentType, body, h);
    }
  }

  /** Handles the requests of one route. */
  @FunctionalInterface
  interface Endpoint {
    Response handle(Request request) throws IOException;
  }

  /** An exact path, the methods it takes, and whether it reads a body. */
  record Route(String path, List<String> methods, boolean readsBody, Endpoint endpoint) {}

  /** The threads that answer 503 when every worker is busy. */
  private static final class SheddingThread extends Thread {
    SheddingThread(Runnable r, int n) {
      super(r, "gateway-http-busy-" + n);
      setDaemon(true);
    }
  }

  private final Map<String, Route> routes = new LinkedHashMap<>();
  private final long maxBodyBytes;
  private final HttpServer server;
  private final ThreadPoolExecutor workers;
  private final ThreadPoolExecutor shedding;
  private final Metrics.Counter requests;
  private final Metrics.Counter shed;
  private final Object lock = new Object();
  private int inFlight;
  private boolean draining;
  private boolean stopped;

  HttpFront(InetSocketAddress address, int workerCount, int queueCapacity, long maxBodyBytes,
      List<Route> routeList, Metrics metrics) throws IOException {
    for (Route r : routeList) {
      routes.put(r.path(), r);
    }
    this.maxBodyBytes = maxBodyBytes;
    this.requests = metrics.counter("buildbridge_http_requests_total",
        "HTTP requests answered, by route and status", "route", "status");
    this.shed = metrics.counter("buildbridge_http_shed_total",
        "requests answered 503 at once because every worker was busy");
    metrics.gauge("buildbridge_http_requests_in_flight", "HTTP requests being handled",
        () -> {
          synchronized (lock) {
            return inFlight;
          }
        });
    AtomicInteger workerNumber = new AtomicInteger();
    AtomicInteger shedNumber = new AtomicInteger();
    this.shedding = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(16), r -> new SheddingThread(r, shedNumber.incrementAndGet()),
        new ThreadPoolExecutor.AbortPolicy());
    this.workers = new ThreadPoolExecutor(workerCount, workerCount, 60, TimeUnit.SECONDS,
        new ArrayBlockingQueue<>(queueCapacity), r -> {
          Thread t = new Thread(r, "gateway-http-" + workerNumber.incrementAndGet());
          t.setDaemon(true);
          return t;
        }, (r, pool) -> {
          // every worker busy and the queue full: answer 503 from the shedding pool; when even
          // that is full, HttpServer closes the connection
          if (shedding.isShutdown()) {
            throw new RejectedExecutionException("the gateway is stopping");
          }
          shedding.execute(r);
        });
    workers.allowCoreThreadTimeOut(true);
    InetSocketAddress bind = address.isUnresolved()
        ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    if (bind.isUnresolved()) {
      throw new IOException("cannot resolve host " + address.getHostString());
    }
    this.server = HttpServer.create(bind, 128);
    server.setExecutor(workers);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  private void handle(HttpExchange exchange) {
    String route = "other";
    int status = 500;
    boolean counted = false;
    try {
      if (Thread.currentThread() instanceof SheddingThread) {
        shed.inc();
        status = 503;
        route = "busy";
        send(exchange, Response.error(503, "busy: every worker is taken; try again")
            .withHeader("Retry-After", "1"), true);
        return;
      }
      synchronized (lock) {
        if (draining) {
          status = 503;
          route = "draining";
        } else {
          inFlight++;
          counted = true;
        }
      }
      if (!counted) {
        send(exchange, Response.error(503, "the gateway is shutting down")
            .withHeader("Retry-After", "5"), true);
        return;
      }
      String path = exchange.getRequestURI().getRawPath();
      Route r = routes.get(path);
      if (r == null) {
        status = 404;
        send(exchange, Response.error(404, "no such endpoint: " + printable(path)), false);
        return;
      }
      route = r.path();
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      if (!r.methods().contains(method)) {
        status = 405;
        send(exchange, Response.error(405, method + " is not allowed on " + r.path())
            .withHeader("Allow", String.join(", ", r.methods())), false);
        return;
      }
      byte[] body = new byte[0];
      if (r.readsBody()) {
        body = readBody(exchange);
        if (body == null) {
          status = 413;
          send(exchange, Response.error(413, "the body is larger than " + maxBodyBytes
              + " bytes"), true);
          return;
        }
      }
      Response response = r.endpoint().handle(new Request(method, r.path(),
          query(exchange.getRequestURI().getRawQuery()), exchange.getRequestHeaders(), body));
      status = response.status();
      send(exchange, response, isDraining());
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "request on " + route + " failed: " + e);
      status = 499; // the client went away; nothing to answer
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "request on " + route + " failed", e);
      status = 500;
      try {
        send(exchange, Response.error(500, "internal error; see the gateway's log"), true);
      } catch (IOException | RuntimeException ignored) {
        // the headers were sent already, or the client is gone
      }
    } finally {
      requests.inc(route, Integer.toString(status));
      exchange.close();
      if (counted) {
        synchronized (lock) {
          inFlight--;
          lock.notifyAll();
        }
      }
    }
  }

  /** Reads the body up to the limit; null when it is larger. */
  private byte[] readBody(HttpExchange exchange) throws IOException {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > maxBodyBytes) {
          return null;
        }
      } catch (NumberFormatException e) {
        // HttpServer refuses a bad Content-Length before this; read as for chunked
      }
    }
    InputStream in = exchange.getRequestBody();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    byte[] chunk = new byte[16 * 1024];
    int n;
    while ((n = in.read(chunk)) >= 0) {
      if ((long) buffer.size() + n > maxBodyBytes) {
        return null;
      }
      buffer.write(chunk, 0, n);
    }
    return buffer.toByteArray();
  }

  private static void send(HttpExchange exchange, Response response, boolean closeConnection)
      throws IOException {
    Headers headers = exchange.getResponseHeaders();
    if (response.contentType() != null) {
      headers.set("Content-Type", response.contentType());
    }
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    response.headers().forEach(headers::set);
    if (closeConnection) {
      headers.set("Connection", "close");
    }
    byte[] body = response.body();
    boolean noBody = body.length == 0 || response.status() == 204 || response.status() == 304
        || "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : body.length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    int count = 0;
    for (String pair : raw.split("&", 65)) {
      if (++count > 64) {
        break;
      }
      int eq = pair.indexOf('=');
      try {
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8);
        out.putIfAbsent(name, value);
      } catch (IllegalArgumentException e) {
        // a malformed escape: leave the parameter out
      }
    }
    return out;
  }

  static String printable(String s) {
    String v = s == null ? "" : s.length() > 100 ? s.substring(0, 100) + "..." : s;
    StringBuilder out = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      out.append(c < ' ' || c == 0x7f ? '?' : c);
    }
    return out.toString();
  }

  boolean isDraining() {
    synchronized (lock) {
      return draining;
    }
  }

  /**
   * Turns new requests away with 503 and waits for the ones in flight.
   *
   * @return true when none is left, false when the timeout passed first
   */
  boolean drain(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lock) {
      draining = true;
      while (inFlight > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(lock, left);
      }
      return true;
    }
  }

  int waiting() {
    return workers.getQueue().size();
  }

  int inFlight() {
    synchronized (lock) {
      return inFlight;
    }
  }

  /** Closes the listener and every connection, then stops the pools. Idempotent. */
  @Override
  public void close() {
    synchronized (lock) {
      if (stopped) {
        return;
      }
      stopped = true;
      draining = true;
    }
    server.stop(0);
    shedding.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
