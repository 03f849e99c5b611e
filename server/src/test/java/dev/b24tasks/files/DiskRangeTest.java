package dev.b24tasks.files;

import static dev.b24tasks.files.DiskFilesTest.HTTP;
import static dev.b24tasks.files.DiskFilesTest.fetch;
import static dev.b24tasks.files.DiskFilesTest.multipart;
import static dev.b24tasks.files.DiskFilesTest.ok;
import static dev.b24tasks.files.DiskFilesTest.post;
import static dev.b24tasks.files.DiskFilesTest.root;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.b24tasks.rest.Json;
import dev.b24tasks.testing.People;
import dev.b24tasks.testing.StatementCounter;
import dev.b24tasks.testing.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Byte ranges of a download link over HTTP against the database: one range (206 and Content-Range, a suffix,
 * an open end, across chunk borders), what is ignored (several ranges, bad syntax: 200 with all), what cannot be
 * satisfied (416), HEAD, the ETag with If-None-Match (304) and If-Range; and that a range reads only the chunks it
 * touches: counted SQL statements, not timings.
 */
class DiskRangeTest {
  static final StatementCounter counter = new StatementCounter();

  @RegisterExtension
  static TestServer server = new TestServer(s -> s.dataSourceWrapper = counter);

  static People.Person owner;
  static byte[] content;
  static String url;
  static String bigUrl;
  static final int CHUNK = 256 * 1024;

  static String upload(byte[] bytes, String name) throws Exception {
    String uploadUrl = ok(owner.call("disk.folder.uploadfile", Map.of("id", root(owner)))).result().get("uploadUrl")
        .asText();
    String boundary = "----range" + System.nanoTime();
    HttpResponse<byte[]> up = post(uploadUrl, "multipart/form-data; boundary=" + boundary,
        multipart(boundary, "file", name, "application/octet-stream", bytes));
    assertThat(up.statusCode()).isEqualTo(200);
    JsonNode f = Json.MAPPER.readTree(up.body()).get("result");
    return f.get("DOWNLOAD_URL").asText();
  }

  @BeforeAll
  static void file() throws Exception {
    owner = new People(server).create("Rita");
    content = new byte[700_000]; // two whole chunks and part of a third
    new Random(11).nextBytes(content);
    url = upload(content, "movie.bin");
    byte[] big = new byte[5 * CHUNK + 10]; // six chunks: two reads of a whole download
    new Random(12).nextBytes(big);
    bigUrl = upload(big, "big.bin");
  }

  static HttpResponse<byte[]> range(String value) {
    return fetch(url, "Range", value);
  }

  static void partial(String header, long from, long to) {
    HttpResponse<byte[]> r = range(header);
    assertThat(r.statusCode()).as(header).isEqualTo(206);
    assertThat(r.headers().firstValue("Content-Range").orElse("")).isEqualTo("bytes " + from + "-" + to + "/"
        + content.length);
    assertThat(r.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(to - from + 1);
    assertThat(r.body()).as(header).isEqualTo(Arrays.copyOfRange(content, (int) from, (int) to + 1));
  }

  @Test
  void one_range_is_206_with_its_bytes() {
    partial("bytes=0-9", 0, 9);
    partial("bytes=262140-262150", 262_140, 262_150); // across the first chunk's end
    partial("bytes=100000-600000", 100_000, 600_000); // three chunks, partly
    partial("bytes=-100", content.length - 100, content.length - 1);
    partial("bytes=-9999999", 0, content.length - 1);
    partial("bytes=699990-", 699_990, content.length - 1);
    partial("bytes=5-99999999", 5, content.length - 1);
    partial("BYTES = 7 - 7", 7, 7);
    HttpResponse<byte[]> whole = fetch(url);
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValue("Accept-Ranges").orElse("")).isEqualTo("bytes");
    assertThat(whole.body()).isEqualTo(content);
  }

  @Test
  void what_is_not_one_range_gets_everything_and_what_is_past_the_end_416() {
    for (String ignored : new String[] {"bytes=0-1,5-6", "bytes=9-2", "items=0-1", "bytes=", "bytes=a-b"}) {
      HttpResponse<byte[]> r = range(ignored);
      assertThat(r.statusCode()).as(ignored).isEqualTo(200);
      assertThat(r.body()).as(ignored).isEqualTo(content);
    }
    for (String past : new String[] {"bytes=700000-", "bytes=800000-900000", "bytes=-0"}) {
      HttpResponse<byte[]> r = range(past);
      assertThat(r.statusCode()).as(past).isEqualTo(416);
      assertThat(r.headers().firstValue("Content-Range").orElse("")).isEqualTo("bytes */" + content.length);
      assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"error\"");
    }
  }

  @Test
  void head_and_validators() throws Exception {
    HttpResponse<byte[]> head = HTTP.send(HttpRequest.newBuilder(URI.create(url)).method("HEAD",
        HttpRequest.BodyPublishers.noBody()).header("Range", "bytes=10-19").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(head.statusCode()).isEqualTo(206);
    assertThat(head.headers().firstValueAsLong("Content-Length").orElse(-1)).isEqualTo(10);
    assertThat(head.body()).isEmpty();
    String etag = fetch(url).headers().firstValue("ETag").orElseThrow();
    assertThat(etag).startsWith("\"").endsWith("\"");

    HttpResponse<byte[]> same = fetch(url, "If-None-Match", "\"other\", " + etag);
    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(fetch(url, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    // If-Range: the range only while the content is still the one the client has
    assertThat(fetch(url, "Range", "bytes=0-3", "If-Range", etag).statusCode()).isEqualTo(206);
    HttpResponse<byte[]> changed = fetch(url, "Range", "bytes=0-3", "If-Range", "\"stale\"");
    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).isEqualTo(content);
  }

  static int statements(String link, String... headers) {
    counter.reset();
    HttpResponse<byte[]> r = fetch(link, headers);
    assertThat(r.statusCode()).isIn(200, 206);
    return counter.statements();
  }

  @Test
  void a_range_reads_only_the_chunks_it_touches() {
    int small = statements(url, "Range", "bytes=10-19");
    assertThat(statements(url, "Range", "bytes=500000-500009")).as("a range late in the file").isEqualTo(small);
    assertThat(statements(url, "Range", "bytes=262000-263000")).as("across a chunk border").isEqualTo(small);
    assertThat(statements(url)).as("700 kB: one read of its three chunks").isEqualTo(small);
    assertThat(statements(bigUrl, "Range", "bytes=-10")).as("the end of a six-chunk file").isEqualTo(small);
    // each read is a short transaction of its own (its statement and the read-only setting around it)
    assertThat(statements(bigUrl)).as("six chunks: two reads of at most four").isEqualTo(small + 2);
  }

  @Test
  void a_page_of_children_is_one_query_whatever_its_size() {
    long folder = ok(owner.call("disk.folder.addsubfolder", Map.of("id", root(owner), "data", Map.of("NAME", "Many"))))
        .result().get("ID").asLong();
    for (int i = 0; i < 3; i++) DiskFilesTest.upload(owner, folder, "f" + i + ".txt", new byte[] {1});
    Map<String, Object> call = Map.of("id", folder, "filter", Map.of("TYPE", "file"), "order", Map.of("NAME", "desc"));
    counter.reset();
    ok(owner.call("disk.folder.getchildren", call));
    int three = counter.statements();
    for (int i = 3; i < 30; i++) DiskFilesTest.upload(owner, folder, "f" + i + ".txt", new byte[] {1});
    counter.reset();
    assertThat(ok(owner.call("disk.folder.getchildren", call)).json().get("total").asInt()).isEqualTo(30);
    assertThat(counter.statements()).as("30 children cost what 3 do").isEqualTo(three);
  }
}
