package dk.jobmatch.taxonomy;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A small taxonomy held in plain maps, read from the tab-separated format of the sample taxonomy
 * (documented in {@link SampleTaxonomy}). Occupations are keyed by their digits (ISCO/DISCO) or
 * URI (ESCO); related skills are symmetric with explicit credits.
 *
 * <p>Immutable and thread-safe.
 */
final class TableTaxonomy implements Taxonomy {
  private final Map<String, OccupationRef> occRefs; // key → ref, file order
  private final Map<String, List<String>> occLabels; // key → labels
  private final Map<String, List<RequiredSkill>> occSkills; // key → essential first, then optional
  private final Map<String, List<String>> skillLabels; // id → labels, file order
  private final Map<String, ReuseLevel> reuse;
  private final Map<String, Map<String, Double>> related;

  private TableTaxonomy(Parser p) {
    occRefs = Collections.unmodifiableMap(p.occRefs);
    occLabels = Map.copyOf(p.occLabels);
    Map<String, List<RequiredSkill>> skills = new HashMap<>();
    for (String key : p.occRefs.keySet()) {
      List<RequiredSkill> list = new ArrayList<>();
      p.essential.getOrDefault(key, Set.of()).forEach(s -> list.add(RequiredSkill.essential(s)));
      p.optional.getOrDefault(key, Set.of()).forEach(s -> list.add(RequiredSkill.optional(s)));
      skills.put(key, List.copyOf(list));
    }
    occSkills = Map.copyOf(skills);
    skillLabels = Collections.unmodifiableMap(p.skillLabels);
    reuse = Map.copyOf(p.reuse);
    Map<String, Map<String, Double>> rel = new HashMap<>();
    p.related.forEach((skill, credits) -> {
      List<Map.Entry<String, Double>> entries = new ArrayList<>(credits.entrySet());
      entries.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
      Map<String, Double> ordered = new LinkedHashMap<>();
      entries.forEach(e -> ordered.put(e.getKey(), e.getValue()));
      rel.put(skill, Collections.unmodifiableMap(ordered));
    });
    related = Map.copyOf(rel);
  }

  /**
   * Reads the tab-separated format.
   *
   * @throws DataFileException naming {@code source}, line and field on any malformed line
   * @throws IOException on I/O errors
   */
  static TableTaxonomy read(InputStream stream, String source) throws IOException {
    Parser p = new Parser(source);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      String line;
      int n = 0;
      try {
        while ((line = in.readLine()) != null) {
          n++;
          if (n == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
          }
          if (!line.isBlank() && !line.startsWith("#")) {
            p.line(n, line);
          }
        }
      } catch (CharacterCodingException e) {
        throw new DataFileException(source, n + 1, "is not valid UTF-8", e);
      }
    }
    p.finish();
    return new TableTaxonomy(p);
  }

  private static final class Parser {
    final String source;
    final Map<String, OccupationRef> occRefs = new LinkedHashMap<>();
    final Map<String, List<String>> occLabels = new HashMap<>();
    final Map<String, Set<String>> essential = new HashMap<>();
    final Map<String, Set<String>> optional = new HashMap<>();
    final Map<String, List<String>> skillLabels = new LinkedHashMap<>();
    final Map<String, ReuseLevel> reuse = new HashMap<>();
    final Map<String, Map<String, Double>> related = new TreeMap<>();
    // Skill references are checked after the whole file is read, so order in the file is free.
    final List<Object[]> pendingRefs = new ArrayList<>();

    Parser(String source) {
      this.source = source;
    }

    DataFileException error(int line, String detail) {
      return new DataFileException(source, line, detail);
    }

    void line(int n, String line) throws DataFileException {
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "occupation" -> {
          fields(n, f, 3, 4, "occupation <TAB> ref <TAB> label [<TAB> alt|alt]");
          OccupationRef ref = ref(n, f[1]);
          String key = ref.code();
          if (occRefs.putIfAbsent(key, ref) != null) {
            throw error(n, "occupation: '" + f[1] + "' appears twice");
          }
          occLabels.put(key, labels(n, f, 2));
        }
        case "skill" -> {
          fields(n, f, 4, 5, "skill <TAB> id <TAB> reuse level <TAB> label [<TAB> alt|alt]");
          String id = skillId(n, f[1]);
          if (skillLabels.containsKey(id)) {
            throw error(n, "skill: '" + id + "' appears twice");
          }
          if (!f[2].isBlank()) {
            try {
              reuse.put(id, ReuseLevel.parseEsco(f[2]));
            } catch (IllegalArgumentException e) {
              throw error(n, e.getMessage());
            }
          }
          skillLabels.put(id, labels(n, f, 3));
        }
        case "essential", "optional" -> {
          fields(n, f, 3, 3, f[0] + " <TAB> occupation ref <TAB> skill ids");
          OccupationRef ref = ref(n, f[1]);
          if (!occRefs.containsKey(ref.code())) {
            throw error(n, "occupation: '" + f[1] + "' is not declared by an earlier occupation line");
          }
          Map<String, Set<String>> target = f[0].equals("essential") ? essential : optional;
          for (String s : f[2].trim().split(" +")) {
            String id = skillId(n, s);
            pendingRefs.add(new Object[] {n, id});
            Set<String> other = (target == essential ? optional : essential).getOrDefault(ref.code(), Set.of());
            if (other.contains(id) || !target.computeIfAbsent(ref.code(), k -> new LinkedHashSet<>()).add(id)) {
              throw error(n, "skill: '" + id + "' is listed twice for " + f[1]);
            }
          }
        }
        case "related" -> {
          fields(n, f, 4, 4, "related <TAB> skill id <TAB> skill id <TAB> credit");
          String a = skillId(n, f[1]);
          String b = skillId(n, f[2]);
          if (a.equals(b)) {
            throw error(n, "related: '" + a + "' cannot be related to itself");
          }
          double credit;
          try {
            credit = Double.parseDouble(f[3].trim());
          } catch (NumberFormatException e) {
            throw error(n, "credit: '" + f[3] + "' must be a number in (0,1)");
          }
          if (!(credit > 0 && credit < 1)) {
            throw error(n, "credit: '" + f[3] + "' must be a number in (0,1)");
          }
          pendingRefs.add(new Object[] {n, a});
          pendingRefs.add(new Object[] {n, b});
          related.computeIfAbsent(a, k -> new TreeMap<>()).merge(b, credit, Math::max);
          related.computeIfAbsent(b, k -> new TreeMap<>()).merge(a, credit, Math::max);
        }
        default -> throw error(n, "kind: '" + f[0] + "' must be occupation, skill, essential, optional or related");
      }
    }

    void finish() throws DataFileException {
      for (Object[] r : pendingRefs) {
        if (!skillLabels.containsKey((String) r[1])) {
          throw error((Integer) r[0], "skill: '" + r[1] + "' is not declared by a skill line");
        }
      }
    }

    private void fields(int n, String[] f, int min, int max, String layout) throws DataFileException {
      if (f.length < min || f.length > max) {
        throw error(n, "has " + f.length + " tab-separated fields; expected " + layout);
      }
    }

    private OccupationRef ref(int n, String text) throws DataFileException {
      try {
        return OccupationRef.parse(text.trim());
      } catch (IllegalArgumentException e) {
        throw error(n, e.getMessage());
      }
    }

    private String skillId(int n, String text) throws DataFileException {
      String id = text.trim();
      try {
        new RequiredSkill(id, false);
      } catch (IllegalArgumentException e) {
        throw error(n, e.getMessage());
      }
      return id;
    }

    private List<String> labels(int n, String[] f, int at) throws DataFileException {
      Set<String> out = new LinkedHashSet<>();
      String pref = f[at].trim();
      if (pref.isEmpty()) {
        throw error(n, "label: is required but empty");
      }
      out.add(pref);
      if (f.length > at + 1) {
        for (String alt : f[at + 1].split("\\|")) {
          if (!alt.isBlank()) {
            out.add(alt.trim());
          }
        }
      }
      return List.copyOf(out);
    }
  }

  private static String key(OccupationRef ref) {
    return ref.code();
  }

  @Override
  public OccupationCode resolve(OccupationRef ref) {
    return ref.scheme() == OccupationRef.Scheme.ESCO
        ? new OccupationCode(null, ref.code())
        : OccupationCode.ofDigits(ref.code());
  }

  @Override
  public Map<String, Double> relatedSkills(String skillId) {
    return related.getOrDefault(skillId, Map.of());
  }

  @Override
  public Optional<ReuseLevel> reuseLevel(String skillId) {
    return Optional.ofNullable(reuse.get(skillId));
  }

  /**
   * The occupation's own skills; for an ISCO/DISCO group of at least four digits that is not
   * itself listed, the majority skills of the listed occupations in its unit group.
   */
  @Override
  public List<RequiredSkill> skillsOf(OccupationRef occupation) {
    List<RequiredSkill> own = occSkills.get(key(occupation));
    if (own != null) {
      return own;
    }
    if (occupation.scheme() == OccupationRef.Scheme.ESCO || occupation.code().length() < 4) {
      return List.of();
    }
    String unit = occupation.code().substring(0, 4);
    List<List<RequiredSkill>> per = new ArrayList<>();
    for (Map.Entry<String, OccupationRef> e : occRefs.entrySet()) {
      if (e.getValue().scheme() != OccupationRef.Scheme.ESCO && e.getKey().startsWith(unit)) {
        per.add(occSkills.get(e.getKey()));
      }
    }
    return GroupSkills.majority(per);
  }

  @Override
  public Optional<String> skillLabel(String skillId) {
    List<String> l = skillLabels.get(skillId);
    return l == null ? Optional.empty() : Optional.of(l.get(0));
  }

  @Override
  public Optional<String> occupationLabel(OccupationRef occupation) {
    List<String> l = occLabels.get(key(occupation));
    return l == null ? Optional.empty() : Optional.of(l.get(0));
  }

  @Override
  public Map<OccupationRef, List<String>> occupationLabels() {
    Map<OccupationRef, List<String>> out = new LinkedHashMap<>();
    occRefs.forEach((k, ref) -> out.put(ref, occLabels.get(k)));
    return Collections.unmodifiableMap(out);
  }

  @Override
  public Map<String, List<String>> skillLabels() {
    return skillLabels;
  }

  /** A listed occupation, or an ISCO/DISCO group above a listed occupation. */
  @Override
  public boolean knows(OccupationRef ref) {
    if (occRefs.containsKey(key(ref))) {
      return true;
    }
    if (ref.scheme() == OccupationRef.Scheme.ESCO) {
      return false;
    }
    for (Map.Entry<String, OccupationRef> e : occRefs.entrySet()) {
      if (e.getValue().scheme() != OccupationRef.Scheme.ESCO
          && OccupationCode.ofDigits(e.getKey()).levels().contains(ref.code())) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "TableTaxonomy[" + occRefs.size() + " occupations, " + skillLabels.size() + " skills]";
  }
}
