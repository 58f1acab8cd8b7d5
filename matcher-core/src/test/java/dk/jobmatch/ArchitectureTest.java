package dk.jobmatch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules of matcher-core as tests over its compiled classes (ArchUnit; test classes are
 * not imported): the floors of docs/architecture.md, a kernel without Lucene, no internal type in
 * the public API and no static mutable state.
 */
class ArchitectureTest {
  /** The floors of docs/architecture.md, lowest first: a package may use only those before it. */
  static final List<String> FLOORS = List.of("internal", "model", "taxonomy", "scoring", "kernel", "index", "engine", "batch",
      "report", "tuning", "narrative");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPath(ApiSurface.classesRoot());
  }

  @Test
  void aLowerFloorNeverUsesAHigherOne() {
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String floor : FLOORS) {
      layers = layers.layer(floor).definedBy("dk.jobmatch." + floor + "..");
    }
    for (int i = 0; i < FLOORS.size() - 1; i++) {
      String[] higher = FLOORS.subList(i + 1, FLOORS.size()).toArray(String[]::new);
      layers = layers.whereLayer(FLOORS.get(i)).mayOnlyBeAccessedByLayers(higher);
    }
    layers = layers.whereLayer(FLOORS.getLast()).mayNotBeAccessedByAnyLayer();
    layers.check(classes);
  }

  @Test
  void theFloorsAreThoseOfTheArchitectureDocument() throws Exception {
    String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "architecture.md"));
    List<String> rows = doc.lines().filter(l -> l.startsWith("| `")).map(l -> l.substring(3, l.indexOf('`', 3)))
        .toList();
    assertEquals(FLOORS, rows, "docs/architecture.md lists the floors in this order");
  }

  @Test
  void theKernelHasNoLuceneType() {
    noClasses().that().resideInAPackage("dk.jobmatch.kernel..").should().dependOnClassesThat()
        .resideInAPackage("org.apache.lucene..").check(classes);
  }

  @Test
  void noInternalTypeInAPublicSignature() {
    Set<String> exported = ApiSurface.exportedPackages();
    Set<String> leaks = new TreeSet<>();
    for (Class<?> c : ApiSurface.referencedTypes()) {
      String pkg = c.getPackageName();
      if (pkg.startsWith("dk.jobmatch") && !exported.contains(pkg)) {
        leaks.add(c.getName());
      }
    }
    assertEquals(Set.of(), leaks, "types of internal packages named by the public API of " + exported);
  }

  @Test
  void noStaticMutableState() {
    DescribedPredicate<JavaClass> mutableHolder = new DescribedPredicate<>("an array, an atomic or a mutable collection") {
      @Override
      public boolean test(JavaClass t) {
        String n = t.getName();
        return t.isArray() || n.startsWith("java.util.concurrent.atomic.") || n.startsWith("java.util.concurrent.Concurrent")
            || Set.of("java.util.ArrayList", "java.util.HashMap", "java.util.HashSet", "java.util.LinkedHashMap",
                "java.util.LinkedList", "java.util.TreeMap", "java.util.ArrayDeque").contains(n);
      }
    };
    // Fields javac generates (an enum's $VALUES, a switch's $SwitchMap$ tables) are not library code.
    // Every static field is final.
    fields().that().areStatic().and().doNotHaveModifier(JavaModifier.SYNTHETIC).should().beFinal().check(classes);
    // No static field holds an atomic or a mutable collection.
    noFields().that().areStatic().and().doNotHaveModifier(JavaModifier.SYNTHETIC).should().haveRawType(
        mutableHolder.and(DescribedPredicate.not(DescribedPredicate.describe("array", JavaClass::isArray))))
        .check(classes);
    // A static array is a private constant table: no code outside its class can write it.
    fields().that().areStatic().and().doNotHaveModifier(JavaModifier.SYNTHETIC).and().haveRawType(DescribedPredicate.describe("array", JavaClass::isArray))
        .should().haveModifier(JavaModifier.PRIVATE).check(classes);
  }
}
