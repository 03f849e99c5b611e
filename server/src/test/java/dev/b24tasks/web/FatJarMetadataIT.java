package dev.b24tasks.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.helidon.metadata.MetadataDiscovery;
import io.helidon.metadata.MetadataFile;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The fat jar's Helidon metadata: Helidon's start-up discovery must find exactly the metadata files the jar holds
 * (what a scan of the whole jar finds), now through the merged manifest instead of a scan of 10,000 entries.
 */
class FatJarMetadataIT {
  private static final List<String> METADATA_FILES =
      List.of("service-registry.json", "feature-registry.json", "service.loader");

  @Test
  void discovery_in_the_fat_jar_finds_every_metadata_file_the_jar_holds() throws IOException {
    Path jar = Path.of(System.getProperty("b24tasks.jar"));
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    // Only the jar, as `java -jar` sees it: not the test's own class path.
    try (URLClassLoader onlyTheJar =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
      thread.setContextClassLoader(onlyTheJar);
      MetadataDiscovery discovery = MetadataDiscovery.create(MetadataDiscovery.Mode.AUTO);
      for (String name : METADATA_FILES) {
        Set<String> found = discovery.list(name).stream().map(MetadataFile::location)
            .collect(Collectors.toCollection(TreeSet::new));
        assertThat(found).as(name).isEqualTo(entriesNamed(jar, name)).isNotEmpty();
      }
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void the_merged_manifest_makes_helidon_read_resources_rather_than_scan_the_jar() throws IOException {
    try (ZipFile zip = new ZipFile(System.getProperty("b24tasks.jar"))) {
      String manifest = new String(zip.getInputStream(zip.getEntry("META-INF/helidon/manifest")).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      // Helidon treats a manifest with more than one id line as merged and then reads only what it lists.
      assertThat(manifest.lines().filter("#HELIDON MANIFEST#"::equals).count()).isGreaterThan(1);
    }
  }

  private static Set<String> entriesNamed(Path jar, String name) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return Collections.list(zip.entries()).stream().map(ZipEntry::getName)
          .filter(n -> n.startsWith("META-INF/helidon/") && n.endsWith("/" + name))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
