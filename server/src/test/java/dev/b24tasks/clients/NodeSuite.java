package dev.b24tasks.clients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Node project in {@code clients/}: finds node and npm, installs the locked dependencies when they are missing
 * or the lockfile changed, and runs {@code node --test} with the output streamed line by line to standard output
 * (which the Failsafe execution for this package leaves on the Maven console).
 */
final class NodeSuite {
  private static final String STAMP = ".b24-tasks-lock.sha256";
  private static final int TAIL_LINES = 120;

  final Path dir;

  private NodeSuite(Path dir) {
    this.dir = dir;
  }

  /** The {@code clients/} folder of this checkout, searched upwards from the working directory. */
  static NodeSuite locate() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path candidate = p.resolve("clients");
      if (Files.isRegularFile(candidate.resolve("package-lock.json"))) return new NodeSuite(candidate);
      p = p.getParent();
    }
    throw new IllegalStateException("No clients/package-lock.json above " + Path.of("").toAbsolutePath());
  }

  /** Why the suite cannot run here (node or npm missing or too old), or null when it can. */
  static String whyNotRunnable() {
    String node = versionOf("node");
    if (node == null) return "node is not on the PATH (Node.js 20 or newer is needed; Debian: apt-get install nodejs npm)";
    if (versionOf("npm") == null) return "npm is not on the PATH (Debian: apt-get install npm)";
    String major = node.replaceFirst("^v?(\\d+).*$", "$1");
    if (!major.matches("\\d+") || Integer.parseInt(major) < 20) return "node " + node + " is older than 20";
    return null;
  }

  static String versionOf(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** {@code npm ci} unless node_modules already holds exactly what the lockfile names. */
  void installIfNeeded() {
    String lockHash = sha256(dir.resolve("package-lock.json"));
    Path stamp = dir.resolve("node_modules").resolve(STAMP);
    try {
      if (Files.isRegularFile(stamp) && Files.readString(stamp).trim().equals(lockHash)) {
        log("node_modules matches package-lock.json; npm ci not needed");
        return;
      }
      log("npm ci (node_modules missing or package-lock.json changed)");
      Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), 15);
      if (r.exit != 0) throw new AssertionError("npm ci failed with exit code " + r.exit + ":\n" + r.tail);
      Files.writeString(stamp, lockHash + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs every {@code test/*.test.mjs} with Node's built-in runner, one file at a time. */
  Result runTests(Map<String, String> env) {
    List<String> cmd = new ArrayList<>(List.of("node", "--test", "--test-reporter=spec", "--test-concurrency=1"));
    // B24_CLIENTS_ONLY=oauth runs only the scenario files whose names contain it (while working on one client)
    String only = System.getenv().getOrDefault("B24_CLIENTS_ONLY", "");
    try (Stream<Path> files = Files.list(dir.resolve("test"))) {
      files.map(f -> dir.relativize(f).toString()).filter(n -> n.endsWith(".test.mjs") && n.contains(only)).sorted()
          .forEach(cmd::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return run(cmd, env, 20);
  }

  record Result(int exit, String tail) {}

  private Result run(List<String> command, Map<String, String> env, int timeoutMinutes) {
    log("$ " + String.join(" ", command));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().putAll(env);
    ArrayDeque<String> tail = new ArrayDeque<>();
    try {
      Process p = pb.start();
      Thread pump = Thread.ofPlatform().daemon().start(() -> {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = r.readLine()) != null; ) {
            System.out.println("[clients] " + line);
            synchronized (tail) {
              tail.addLast(line);
              if (tail.size() > TAIL_LINES) tail.removeFirst();
            }
          }
        } catch (IOException ignored) {
          // the process ended; whatever it printed is already out
        }
      });
      if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
        pump.join(10_000);
        return new Result(-1, "timed out after " + timeoutMinutes + " minutes:\n" + join(tail));
      }
      pump.join(30_000);
      return new Result(p.exitValue(), join(tail));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }

  private static String join(ArrayDeque<String> tail) {
    synchronized (tail) {
      return String.join("\n", tail);
    }
  }

  static void log(String line) {
    System.out.println("[clients] " + line);
  }

  private static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
