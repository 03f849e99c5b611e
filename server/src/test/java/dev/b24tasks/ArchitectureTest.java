package dev.b24tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import dev.b24tasks.checklist.archfixture.ReachesIntoAnotherFeature;
import dev.b24tasks.config.archfixture.ClosesACycle;
import dev.b24tasks.rest.archfixture.ImportsAFeature;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout as a rule the build checks (DESIGN.md, "Layout that shows the architecture"): infrastructure knows no
 * feature, a feature uses another feature only through its service API (never its store or its REST methods),
 * nothing but the wiring (the root package and {@code cli/}) knows the wiring, and packages form no cycle.
 * The last three tests show each rule failing on a wrong-way import kept under {@code archfixture} packages.
 */
class ArchitectureTest {
  /** Infrastructure: HTTP, the REST gateway and its dialects, positional binding, credentials, the store, settings. */
  static final Set<String> INFRASTRUCTURE = Set.of("web", "rest", "binding", "auth", "store", "config");
  /** Wiring: the entry point, the one wiring function and the command line. */
  static final Set<String> WIRING = Set.of("", "cli");
  /** What a feature keeps to itself: its SQL and its REST face. */
  static final List<String> INTERNAL_SUFFIXES = List.of("Store", "Methods");

  private static JavaClasses main;

  @BeforeAll
  static void importMain() {
    main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.b24tasks");
  }

  @Test
  void infrastructure_imports_no_feature_and_no_wiring() {
    assertThat(main.size()).as("classes imported").isGreaterThan(100);
    assertThat(infrastructureViolations(main)).isEmpty();
  }

  @Test
  void a_feature_uses_another_feature_only_through_its_service_api() {
    assertThat(featureViolations(main)).isEmpty();
  }

  @Test
  void packages_form_no_cycle() {
    SlicesRuleDefinition.slices().matching("dev.b24tasks.(*)..").should().beFreeOfCycles().check(main);
  }

  // ---- the rules fail on a wrong-way import ----

  @Test
  void the_infrastructure_rule_fails_when_rest_imports_a_feature() {
    JavaClasses withFixture = new ClassFileImporter().importClasses(ImportsAFeature.class);
    assertThat(infrastructureViolations(withFixture)).singleElement().asString()
        .contains("rest.archfixture.ImportsAFeature").contains("dev.b24tasks.tasks.TaskService");
  }

  @Test
  void the_feature_rule_fails_when_a_feature_reaches_into_another_features_store() {
    JavaClasses withFixture = new ClassFileImporter().importClasses(ReachesIntoAnotherFeature.class);
    assertThat(featureViolations(withFixture)).isNotEmpty().allSatisfy(v -> assertThat(v)
        .contains("checklist.archfixture.ReachesIntoAnotherFeature").contains("dev.b24tasks.tasks.TaskStore"));
  }

  @Test
  void the_cycle_rule_fails_when_two_packages_import_each_other() {
    JavaClasses withFixture = new ClassFileImporter().importClasses(ClosesACycle.class,
        dev.b24tasks.store.Database.class, dev.b24tasks.config.Settings.class);
    var result = SlicesRuleDefinition.slices().matching("dev.b24tasks.(*)..").should().beFreeOfCycles()
        .evaluate(withFixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(result.getFailureReport().toString()).contains("config").contains("store");
  }

  // ---- the rules themselves ----

  /** The top-level package under dev.b24tasks a class lives in: "" for the root, e.g. "rest" for rest.v3. */
  static String area(JavaClass c) {
    String p = c.getPackageName();
    if (p.equals("dev.b24tasks")) return "";
    if (!p.startsWith("dev.b24tasks.")) return null;
    String rest = p.substring("dev.b24tasks.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  static boolean isFeature(String area) {
    return area != null && !INFRASTRUCTURE.contains(area) && !WIRING.contains(area);
  }

  static List<String> infrastructureViolations(JavaClasses classes) {
    Set<String> out = new TreeSet<>();
    for (JavaClass c : classes) {
      String from = area(c);
      if (from == null || !INFRASTRUCTURE.contains(from)) continue;
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = area(d.getTargetClass());
        if (to != null && (isFeature(to) || WIRING.contains(to))) out.add(describe(d));
      }
    }
    return new ArrayList<>(out);
  }

  static List<String> featureViolations(JavaClasses classes) {
    Set<String> out = new TreeSet<>();
    for (JavaClass c : classes) {
      String from = area(c);
      if (!isFeature(from)) continue;
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        JavaClass target = d.getTargetClass();
        String to = area(target);
        if (to == null) continue;
        if (WIRING.contains(to)) {
          out.add(describe(d) + " (a feature never knows the wiring)");
        } else if (isFeature(to) && !to.equals(from) && internal(target)) {
          out.add(describe(d) + " (another feature's internals: use its service)");
        }
      }
    }
    return new ArrayList<>(out);
  }

  private static boolean internal(JavaClass target) {
    String name = target.getSimpleName().isEmpty() ? target.getName() : outermost(target).getSimpleName();
    return INTERNAL_SUFFIXES.stream().anyMatch(name::endsWith);
  }

  private static JavaClass outermost(JavaClass c) {
    JavaClass out = c;
    while (out.getEnclosingClass().isPresent()) out = out.getEnclosingClass().get();
    return out;
  }

  private static String describe(Dependency d) {
    return d.getOriginClass().getName() + " -> " + d.getTargetClass().getName();
  }
}
