package dev.b24tasks.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A TCP hop between a client and a real server, for the network's faults: it passes each HTTP request on to the
 * server, records it, and either passes the server's answer back or drops it (the connection closes with no
 * answer, after the server has done the work). Nothing is answered by the proxy itself.
 */
final class LossyProxy implements AutoCloseable {
  private final ServerSocket listener;
  private final int upstreamPort;
  private final List<String> requests = new ArrayList<>();
  private volatile Predicate<String> drop = r -> false;
  private final AtomicInteger dropped = new AtomicInteger();

  LossyProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(this::accept);
  }

  /** The base URL clients should use instead of the server's. */
  String baseUrl() {
    return "http://127.0.0.1:" + listener.getLocalPort();
  }

  /** Drop the answers of the requests (request line, headers and body as text) that match, until changed. */
  void dropAnswersOf(Predicate<String> rule) {
    this.drop = rule;
  }

  int dropped() {
    return dropped.get();
  }

  List<String> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Thread.ofVirtual().start(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        byte[] request = readRequest(in);
        if (request == null) return;
        String text = new String(request, StandardCharsets.UTF_8);
        synchronized (requests) {
          requests.add(text);
        }
        byte[] answer = exchange(request);
        if (drop.test(text)) {
          dropped.incrementAndGet();
          return; // the server did the work; the client gets no answer
        }
        out.write(answer);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  /** Sends the request on a fresh upstream connection marked close, and reads the answer to its end. */
  private byte[] exchange(byte[] request) throws IOException {
    try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
      String text = new String(request, StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      StringBuilder head = new StringBuilder();
      for (String line : text.substring(0, end).split("\r\n")) {
        if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) head.append(line).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      OutputStream up = upstream.getOutputStream();
      up.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      up.write(request, end + 4, request.length - end - 4);
      up.flush();
      return readAnswer(upstream.getInputStream());
    }
  }

  /** One answer: headers, then Content-Length bytes or chunks. */
  private static byte[] readAnswer(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    String head = readHead(in, buf);
    if (head == null) throw new IOException("no answer from the server");
    long length = -1;
    boolean chunked = false;
    for (String line : head.split("\r\n")) {
      String l = line.toLowerCase(Locale.ROOT);
      if (l.startsWith("content-length:")) length = Long.parseLong(l.substring(15).trim());
      if (l.startsWith("transfer-encoding:") && l.contains("chunked")) chunked = true;
    }
    if (chunked) {
      while (true) {
        String size = readLine(in, buf);
        int n = Integer.parseInt(size.split(";")[0].trim(), 16);
        buf.write(in.readNBytes(n + 2));
        if (n == 0) break;
      }
    } else if (length >= 0) {
      buf.write(in.readNBytes((int) length));
    } else {
      buf.write(in.readAllBytes());
    }
    return buf.toByteArray();
  }

  private static String readLine(InputStream in, ByteArrayOutputStream copy) throws IOException {
    StringBuilder sb = new StringBuilder();
    int b;
    while ((b = in.read()) >= 0) {
      copy.write(b);
      if (b == '\n') break;
      if (b != '\r') sb.append((char) b);
    }
    return sb.toString();
  }

  /** Reads to the blank line after the headers, copying the bytes; null at the end of the stream. */
  private static String readHead(InputStream in, ByteArrayOutputStream buf) throws IOException {
    int start = buf.size();
    int state = 0;
    while (state < 4) {
      int b = in.read();
      if (b < 0) return null;
      buf.write(b);
      state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1
          : b == '\r' ? 1 : 0;
    }
    return new String(buf.toByteArray(), start, buf.size() - start, StandardCharsets.ISO_8859_1);
  }

  /** One request: headers to the blank line, then Content-Length bytes. Null at the end of the stream. */
  private static byte[] readRequest(InputStream in) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    String head = readHead(in, buf);
    if (head == null) return null;
    int length = 0;
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    buf.write(in.readNBytes(length));
    return buf.toByteArray();
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
