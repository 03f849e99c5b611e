package dev.b24tasks.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.b24tasks.rest.ParamDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one call's parameters, as every request does before anything else: the bodies are what the JS SDK
 * (JSON) and PHP CRest (form, PHP brackets) send for a typical tasks.task.list and tasks.task.update.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class ParamDecoderBench {
  static final String JSON_CT = "application/json";
  static final String FORM_CT = "application/x-www-form-urlencoded";

  /** tasks.task.list from the JS SDK: filter, order, select and paging. */
  final byte[] listJson = bytes("{\"filter\":{\"RESPONSIBLE_ID\":7,\"REAL_STATUS\":[2,3],\">DEADLINE\":"
      + "\"2026-11-01T00:00:00+03:00\"},\"order\":{\"DEADLINE\":\"asc\",\"ID\":\"desc\"},"
      + "\"select\":[\"ID\",\"TITLE\",\"STATUS\",\"RESPONSIBLE_ID\",\"CREATED_BY\",\"DEADLINE\"],\"start\":50}");

  /** The same call as PHP CRest sends it: http_build_query with bracket keys. */
  final byte[] listForm = bytes("filter%5BRESPONSIBLE_ID%5D=7&filter%5BREAL_STATUS%5D%5B0%5D=2"
      + "&filter%5BREAL_STATUS%5D%5B1%5D=3&filter%5B%3EDEADLINE%5D=2026-11-01T00%3A00%3A00%2B03%3A00"
      + "&order%5BDEADLINE%5D=asc&order%5BID%5D=desc&select%5B0%5D=ID&select%5B1%5D=TITLE&select%5B2%5D=STATUS"
      + "&select%5B3%5D=RESPONSIBLE_ID&select%5B4%5D=CREATED_BY&select%5B5%5D=DEADLINE&start=50");

  /** A short write: tasks.task.update with a Cyrillic title, as JSON and as a form. */
  final byte[] updateJson = bytes("{\"taskId\":8017,\"fields\":{\"TITLE\":\"Подготовить отчёт за квартал\","
      + "\"RESPONSIBLE_ID\":12,\"ACCOMPLICES\":[3,4],\"DEADLINE\":\"2026-12-01T18:00:00+03:00\"}}");

  final byte[] updateForm = bytes("taskId=8017&fields%5BTITLE%5D=%D0%9F%D0%BE%D0%B4%D0%B3%D0%BE%D1%82%D0%BE%D0%B2"
      + "%D0%B8%D1%82%D1%8C+%D0%BE%D1%82%D1%87%D1%91%D1%82&fields%5BRESPONSIBLE_ID%5D=12"
      + "&fields%5BACCOMPLICES%5D%5B%5D=3&fields%5BACCOMPLICES%5D%5B%5D=4"
      + "&fields%5BDEADLINE%5D=2026-12-01T18%3A00%3A00%2B03%3A00");

  /** The smallest call: tasks.task.get with the id in the query string and no body. */
  final String getQuery = "taskId=8017";

  @Benchmark
  public ObjectNode listJson() {
    return ParamDecoder.decode(null, JSON_CT, listJson);
  }

  @Benchmark
  public ObjectNode listForm() {
    return ParamDecoder.decode(null, FORM_CT, listForm);
  }

  @Benchmark
  public ObjectNode updateJson() {
    return ParamDecoder.decode(null, JSON_CT, updateJson);
  }

  @Benchmark
  public ObjectNode updateForm() {
    return ParamDecoder.decode(null, FORM_CT, updateForm);
  }

  @Benchmark
  public ObjectNode getQueryOnly() {
    return ParamDecoder.decode(getQuery, null, new byte[0]);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
