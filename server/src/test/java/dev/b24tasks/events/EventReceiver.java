package dev.b24tasks.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.b24tasks.rest.ParamDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An event handler on the developer's machine: a loopback HTTP server (the JDK's) that records every POST the
 * portal sends and answers what the test says. The form body is read as PHP reads {@code $_POST}: bracket keys
 * nest, every value is a string.
 */
public final class EventReceiver implements AutoCloseable {
  /** One POST: path, headers that matter, the raw body and the PHP view of it. */
  public record Received(String path, String userAgent, String contentType, String body, ObjectNode form) {
    public String event() {
      return form.path("event").asText();
    }

    public JsonNode data() {
      return form.path("data");
    }

    public JsonNode auth() {
      return form.path("auth");
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final List<Received> all = java.util.Collections.synchronizedList(new ArrayList<>());
  private volatile Function<Received, Integer> answer = r -> 200;

  public EventReceiver() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] bytes = ex.getRequestBody().readAllBytes();
    String ct = ex.getRequestHeaders().getFirst("Content-Type");
    Received r = new Received(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("User-Agent"), ct,
        new String(bytes, StandardCharsets.UTF_8), ParamDecoder.decode(null, ct, bytes));
    int status;
    try {
      status = answer.apply(r);
    } catch (RuntimeException e) {
      status = 599;
    }
    all.add(r);
    received.add(r);
    byte[] out = ("answer " + status).getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, out.length);
    ex.getResponseBody().write(out);
    ex.close();
  }

  /** What the handler does with each POST before it answers with the returned status. */
  public void answer(Function<Received, Integer> answer) {
    this.answer = answer;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next POST, waiting for it (delivery runs after the commit, on the server's workers). */
  public Received next() throws InterruptedException {
    Received r = received.poll(60, TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("the portal sent nothing within 60 s");
    return r;
  }

  /** The next POST to {@code path}, skipping others. */
  public Received next(String path) throws InterruptedException {
    while (true) {
      Received r = next();
      if (r.path().equals(path)) return r;
    }
  }

  /** Nothing arrived within a short wait (for "no event" checks, always followed by a positive marker). */
  Received poll(Duration d) throws InterruptedException {
    return received.poll(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  List<Received> all() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  void clear() {
    received.clear();
    all.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
