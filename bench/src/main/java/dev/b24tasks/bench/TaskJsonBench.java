package dev.b24tasks.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.b24tasks.rest.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing the task object to the wire: the result map of a real tasks.task.get answer (task-get.json, captured
 * from a benchmark run), written by the server's one ObjectMapper as the gateway does, alone and as a 50-row
 * list page. TaskView builds that map after querying the directory, so the view itself is measured by the HTTP
 * workloads; this is its pure serialising half.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class TaskJsonBench {
  Map<String, Object> one;
  Map<String, Object> page;

  @Setup
  public void setUp() {
    try (InputStream in = TaskJsonBench.class.getResourceAsStream("/task-get.json")) {
      Map<String, Object> answer = Json.MAPPER.readValue(in, new TypeReference<LinkedHashMap<String, Object>>() {});
      one = Map.of("result", answer.get("result"));
      @SuppressWarnings("unchecked")
      Object task = ((Map<String, Object>) answer.get("result")).get("task");
      page = Map.of("result", Map.of("tasks", Collections.nCopies(50, task)), "next", 50, "total", 1000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public byte[] oneTask() {
    return Json.write(one);
  }

  @Benchmark
  public byte[] listPageOf50() {
    return Json.write(page);
  }
}
