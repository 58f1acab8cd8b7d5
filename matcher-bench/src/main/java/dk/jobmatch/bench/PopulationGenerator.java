package dk.jobmatch.bench;

import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Education;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.LanguageRequirement;
import dk.jobmatch.model.LanguageSkill;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.ShortageLookup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Generates realistic, reproducible populations of citizens and job orders for benchmarks, tests
 * and CLI runs.
 *
 * <p>What is realistic about them:
 *
 * <ul>
 *   <li>target groups in the proportions of Glostrup Municipality, Q1 2022 (full-time persons:
 *       A-dagpenge 334, kontanthjælp 206, uddannelseshjælp 102, selvforsørgelse/hjemrejse 26,
 *       sygedagpenge 520, jobafklaring 79, ressourceforløb 120, ledighedsydelse 72, revalidering
 *       7), with job readiness, hours and compensation schemes that depend on the group;
 *       ledighedsydelse recipients are fleksjob-approved with 4–30 hours;
 *   <li>homes around Glostrup (55.66 N, 12.40 E): about half within 5 km, the rest out to 40 km,
 *       kept on land west of the Øresund, each with the nearest postal code;
 *   <li>occupations and skills from ESCO's real occupation→skill relations when an ESCO CSV
 *       export is available (so skill popularity has ESCO's real skew), otherwise from a
 *       synthetic taxonomy with a Zipf-like skew; occupations are referenced as {@code
 *       isco:NNNN}, skills by ESCO skill URI (or {@code skill:syn-…});
 *   <li>job orders with a share of public employers, fleksjob orders, wage-subsidy and internship
 *       orders, and about a fifth in shortage occupations (nurses, teachers, pedagogues, social
 *       and health care), which {@link #shortage()} reports as {@link ShortageCategory#MANGEL}.
 * </ul>
 *
 * <p><b>Reproducible:</b> the same seed and the same data source give identical citizens and
 * orders, on any machine and thread count. Citizen {@code i} depends only on the seed and
 * {@code i} (not on how many are generated), so {@code citizens(1000)} is a prefix of {@code
 * citizens(1_000_000)} and large populations are generated in parallel. The same holds for
 * orders. Ids are {@code c-0000000} and {@code jo-000000}.
 *
 * <p>Immutable and thread-safe. No personal data: everything is made up, and there are no fields
 * for gender, age, ethnicity, nationality or diagnoses.
 */
public final class PopulationGenerator {
  /** The default "today" of generated data. */
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 2);

  /** Glostrup town centre, the centre of generated homes and workplaces. */
  public static final double GLOSTRUP_LAT = 55.6666;

  /** Glostrup town centre, the centre of generated homes and workplaces. */
  public static final double GLOSTRUP_LON = 12.3984;

  /** The ISCO-08 unit groups generated orders treat as shortage occupations (mangel). */
  public static final Set<String> SHORTAGE_GROUPS = Set.of(
      "2221", // nursing professionals (sygeplejersker)
      "2222", // midwives
      "2264", // physiotherapists
      "2341", // primary school teachers (folkeskolelærere)
      "2342", // early childhood educators (pædagoger)
      "2330", // secondary teachers
      "2635", // social workers
      "5311", // child care workers (pædagogmedhjælpere)
      "5321", // health care assistants (SOSU-assistenter)
      "5322"); // home-based personal care workers (SOSU-hjælpere)

  private static final TargetGroup[] GROUPS = {
    TargetGroup.A_DAGPENGE, TargetGroup.KONTANTHJAELP, TargetGroup.UDDANNELSESHJAELP,
    TargetGroup.SELVFORSOERGELSE_HJEMREJSE, TargetGroup.SYGEDAGPENGE, TargetGroup.JOBAFKLARING,
    TargetGroup.RESSOURCEFORLOEB, TargetGroup.LEDIGHEDSYDELSE, TargetGroup.REVALIDERING
  };
  /** Glostrup Q1 2022, full-time persons, in the order of {@link #GROUPS}. */
  private static final double[] GROUP_COUNTS = {334, 206, 102, 26, 520, 79, 120, 72, 7};
  /** Share of each group that is job-ready (jobparat), in the order of {@link #GROUPS}. */
  private static final double[] JOB_READY = {0.95, 0.45, 0.55, 0.45, 0.35, 0.10, 0.05, 0.20, 0.60};

  /** Share of the unemployed by ISCO major group 0–9 (armed forces left out). */
  private static final double[] MAJOR_WEIGHT = {0, 0.03, 0.12, 0.10, 0.13, 0.24, 0.01, 0.12, 0.10, 0.15};
  /** Unit groups that are especially common among the unemployed; drawn three times as often. */
  private static final Set<String> COMMON_GROUPS = Set.of(
      "4110", "4321", "5223", "5230", "5120", "5131", "9112", "9412", "8322", "9333", "9621", "9329",
      "7112", "7115", "5322", "5311", "4222", "4311");

  private static final String[][] POSTAL = {
    {"2600", "55.6666", "12.3984"}, {"2605", "55.6480", "12.4180"}, {"2610", "55.6810", "12.4540"},
    {"2620", "55.6570", "12.3560"}, {"2625", "55.6240", "12.3850"}, {"2630", "55.6510", "12.3000"},
    {"2635", "55.6150", "12.3520"}, {"2640", "55.6500", "12.1950"}, {"2650", "55.6420", "12.4750"},
    {"2660", "55.6220", "12.4200"}, {"2670", "55.5830", "12.3000"}, {"2700", "55.7060", "12.4950"},
    {"2720", "55.6870", "12.4900"}, {"2730", "55.7240", "12.4400"}, {"2740", "55.7170", "12.4040"},
    {"2750", "55.7310", "12.3630"}, {"2760", "55.7470", "12.3220"}, {"2500", "55.6610", "12.5160"},
    {"2000", "55.6790", "12.5320"}, {"1550", "55.6760", "12.5680"}, {"2300", "55.6500", "12.6000"},
    {"2400", "55.7060", "12.5360"}, {"2800", "55.7700", "12.5030"}, {"3400", "55.9270", "12.3000"},
    {"4000", "55.6420", "12.0800"}, {"2680", "55.5340", "12.2200"}, {"3500", "55.7820", "12.3730"},
    {"4600", "55.4580", "12.1820"}, {"2765", "55.7430", "12.3000"}, {"3660", "55.7680", "12.1930"}
  };

  private static final double[] POSTAL_LAT = new double[POSTAL.length];
  private static final double[] POSTAL_LON = new double[POSTAL.length];
  private static final double[] COMMUTE_KM = {5, 10, 15, 20, 25, 30, 40, 50, 60};
  private static final double[] COMMUTE_CUM = cumulative(new double[] {4, 12, 16, 16, 14, 14, 12, 7, 5});
  private static final double[] DANISH_NEWCOMER_CUM = cumulative(new double[] {3, 4, 2, 1});
  private static final double[] DANISH_NATIVE_CUM = cumulative(new double[] {80, 15, 5});
  private static final double[] EMPLOYMENT_CUM = cumulative(new double[] {70, 8, 8, 9, 5});
  /**
   * Education level 1–8 by ISCO major group of the main occupation: professionals mostly hold
   * level 5–7, elementary occupations mostly level 1–3.
   */
  private static final double[][] EDUCATION_CUM = new double[10][];
  private static final Integer[] YEARS = new Integer[201];

  static {
    for (int major = 0; major < 10; major++) {
      EDUCATION_CUM[major] = cumulative(switch (major) {
        case 1, 2 -> new double[] {1, 3, 4, 6, 25, 20, 36, 5};
        case 3 -> new double[] {3, 8, 25, 20, 35, 5, 4, 0};
        case 4, 5 -> new double[] {20, 15, 50, 7, 5, 2, 1, 0};
        case 9 -> new double[] {55, 15, 25, 2, 2, 1, 0, 0};
        default -> new double[] {25, 8, 60, 4, 2, 1, 0, 0};
      });
    }
    for (int i = 0; i < POSTAL.length; i++) {
      POSTAL_LAT[i] = Double.parseDouble(POSTAL[i][1]);
      POSTAL_LON[i] = Double.parseDouble(POSTAL[i][2]);
    }
    for (int i = 0; i < YEARS.length; i++) {
      YEARS[i] = 1900 + i;
    }
  }

  private final long seed;
  private final LocalDate asOf;
  private final OccupationCatalog catalog;
  private final double[] groupCum;
  private final double[] citizenOccCum;
  private final double[] orderOccCum;
  private final OccupationRef[] occRef;
  private final int[] shortageOccupations;

  private PopulationGenerator(long seed, LocalDate asOf, OccupationCatalog catalog) {
    this.seed = seed;
    this.asOf = asOf;
    this.catalog = catalog;
    this.groupCum = cumulative(GROUP_COUNTS);
    int n = catalog.size();
    this.occRef = new OccupationRef[n];
    Map<String, OccupationRef> refs = new HashMap<>();
    for (int i = 0; i < n; i++) {
      occRef[i] = refs.computeIfAbsent(catalog.isco[i], OccupationRef::isco);
    }
    // Popularity within each ISCO major group follows a Zipf law over a seeded shuffle of its
    // occupations, so a few occupations are common and most are rare, as in a real caseload.
    SplittableRandom r = new SplittableRandom(seed ^ 0x0CC0FA7105L);
    int[] perm = IntStream.range(0, n).toArray();
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = perm[i];
      perm[i] = perm[j];
      perm[j] = t;
    }
    double[] zipf = new double[n];
    double[] majorSum = new double[10];
    int[] rankInMajor = new int[10];
    for (int p : perm) {
      int major = catalog.isco[p].charAt(0) - '0';
      zipf[p] = 1.0 / Math.pow(++rankInMajor[major], 0.9);
      majorSum[major] += zipf[p];
    }
    double[] cw = new double[n];
    double[] ow = new double[n];
    List<Integer> shortage = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int major = catalog.isco[i].charAt(0) - '0';
      double base = MAJOR_WEIGHT[major] * zipf[i] / majorSum[major];
      boolean common = COMMON_GROUPS.contains(catalog.isco[i]);
      boolean scarce = SHORTAGE_GROUPS.contains(catalog.isco[i]);
      cw[i] = base * (common ? 3 : 1);
      ow[i] = base * (common ? 2 : 1);
      if (scarce) {
        shortage.add(i);
      }
    }
    this.citizenOccCum = cumulative(cw);
    this.orderOccCum = cumulative(ow);
    this.shortageOccupations = shortage.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * A generator with this seed on ESCO data if {@link #defaultEscoDir()} finds it, otherwise on
   * the synthetic taxonomy.
   *
   * @throws UncheckedIOException if ESCO data is found but cannot be read
   */
  public static PopulationGenerator withDefaults(long seed) {
    return builder(seed).escoIfPresent(defaultEscoDir().orElse(null)).build();
  }

  /** A builder for a generator with the given seed. */
  public static Builder builder(long seed) {
    return new Builder(seed);
  }

  /**
   * Where ESCO's CSV export is looked for: the system property {@code jobmatch.esco}, the
   * environment variable {@code JOBMATCH_ESCO}, then {@code ../shared/data/esco-v1.1.1} relative to
   * the working directory (the project root) or its parent (a module directory, as under Maven).
   *
   * @return the first of these that is a folder holding {@code occupationSkillRelations.csv}
   */
  public static Optional<Path> defaultEscoDir() {
    List<String> candidates = new ArrayList<>();
    String prop = System.getProperty("jobmatch.esco");
    if (prop != null && !prop.isBlank()) {
      candidates.add(prop);
    }
    String env = System.getenv("JOBMATCH_ESCO");
    if (env != null && !env.isBlank()) {
      candidates.add(env);
    }
    candidates.add("../shared/data/esco-v1.1.1");
    candidates.add("../../shared/data/esco-v1.1.1");
    for (String c : candidates) {
      Path p = Path.of(c);
      if (Files.isRegularFile(p.resolve("occupationSkillRelations.csv"))) {
        return Optional.of(p.toAbsolutePath().normalize());
      }
    }
    return Optional.empty();
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The "today" of the generated data: unemployment, availability and start dates relate to it. */
  public LocalDate asOf() {
    return asOf;
  }

  /** Whether occupations and skills come from ESCO (else from the synthetic taxonomy). */
  public boolean usesEsco() {
    return catalog.esco;
  }

  /** Where occupations and skills come from, e.g. {@code esco (/path)} or {@code synthetic}. */
  public String source() {
    return catalog.source;
  }

  /** How many occupations citizens and orders are drawn from. */
  public int occupationCount() {
    return catalog.size();
  }

  /**
   * The shortage status of generated orders' occupations: {@link ShortageCategory#MANGEL} for
   * {@link #SHORTAGE_GROUPS} in every RAR area and on every date, unknown otherwise.
   */
  public ShortageLookup shortage() {
    Map<String, ShortageCategory> m = new HashMap<>();
    for (String g : SHORTAGE_GROUPS) {
      m.put(g, ShortageCategory.MANGEL);
    }
    return ShortageLookup.ofDigits(m);
  }

  /**
   * Citizens {@code 0 .. n-1}; large counts are generated in parallel, with the same result.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public List<Citizen> citizens(int n) {
    return citizens(0, n);
  }

  /**
   * Citizens {@code from .. to-1}, identical to the same indices of any other call.
   *
   * @throws IllegalArgumentException if {@code from < 0} or {@code to < from}
   */
  public List<Citizen> citizens(int from, int to) {
    checkRange(from, to);
    IntStream idx = IntStream.range(from, to);
    if (to - from >= 10_000) {
      idx = idx.parallel();
    }
    return idx.mapToObj(this::citizen).toList();
  }

  /**
   * Job orders {@code 0 .. n-1}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public List<JobOrder> orders(int n) {
    return orders(0, n);
  }

  /**
   * Job orders {@code from .. to-1}, identical to the same indices of any other call.
   *
   * @throws IllegalArgumentException if {@code from < 0} or {@code to < from}
   */
  public List<JobOrder> orders(int from, int to) {
    checkRange(from, to);
    IntStream idx = IntStream.range(from, to);
    if (to - from >= 10_000) {
      idx = idx.parallel();
    }
    return idx.mapToObj(this::order).toList();
  }

  private static void checkRange(int from, int to) {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("range: '" + from + ".." + to + "' must have 0 <= from <= to");
    }
  }

  /**
   * Citizen number {@code index}, id {@code c-} and seven digits.
   *
   * @throws IllegalArgumentException if {@code index} is negative
   */
  public Citizen citizen(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index: '" + index + "' must not be negative");
    }
    SplittableRandom r = rng(0x1L, index);
    int year = asOf.getYear();
    TargetGroup tg = GROUPS[pick(groupCum, r)];
    int g = tg.ordinal();
    Citizen.Builder b = Citizen.builder(paddedId("c-", index, 7)).targetGroup(tg);
    boolean fleks = tg == TargetGroup.LEDIGHEDSYDELSE;
    boolean health = tg == TargetGroup.SYGEDAGPENGE || tg == TargetGroup.JOBAFKLARING
        || tg == TargetGroup.RESSOURCEFORLOEB || tg == TargetGroup.LEDIGHEDSYDELSE
        || tg == TargetGroup.REVALIDERING;
    b.jobReady(r.nextDouble() < JOB_READY[g]);
    b.searchable(r.nextDouble() < 0.97);
    b.unemployedSince(asOf.minusDays(Math.min(2500, (long) (-300 * Math.log(1 - r.nextDouble())))));
    if (r.nextDouble() < 0.25) {
      b.availableFrom(asOf.plusDays(r.nextInt(120)));
    }
    b.location(home(r, 5, 40));
    if (r.nextDouble() >= 0.12) {
      b.maxCommuteKm(COMMUTE_KM[pick(COMMUTE_CUM, r)]);
    }
    int fleksHours = 4 + r.nextInt(27);
    if (fleks) {
      b.fleksjob(Fleksjob.approved(fleksHours));
      b.hoursPerWeek(Math.min(4, fleksHours), fleksHours);
    } else if (health && r.nextDouble() < 0.4) {
      b.hoursPerWeek(10, 25);
    } else {
      double h = r.nextDouble();
      if (h < 0.6) {
        b.hoursPerWeek(37, 37);
      } else if (h < 0.8) {
        b.hoursPerWeek(30, 37);
      } else if (h < 0.9) {
        b.hoursPerWeek(20, 37);
      }
    }

    int primary = pick(citizenOccCum, r);
    int secondary = -1;
    if (r.nextDouble() < 0.35) {
      secondary = r.nextBoolean() ? sibling(primary, r) : pick(citizenOccCum, r);
      if (secondary == primary) {
        secondary = -1;
      }
    }
    int lastWorked = year - (int) Math.min(12, -2 * Math.log(1 - r.nextDouble()));
    boolean experienced = tg != TargetGroup.UDDANNELSESHJAELP ? r.nextDouble() < 0.85 : r.nextDouble() < 0.35;
    if (experienced) {
      b.experience(new Experience(occRef[primary], roundYears(-4 * Math.log(1 - r.nextDouble())), YEARS[lastWorked - 1900]));
      if (secondary >= 0) {
        b.experience(new Experience(occRef[secondary], roundYears(-2 * Math.log(1 - r.nextDouble())),
            YEARS[lastWorked - 1 - r.nextInt(5) - 1900]));
      }
    }
    if (r.nextDouble() < 0.9) {
      int priority = 1;
      LinkedHashSet<OccupationRef> goals = new LinkedHashSet<>();
      goals.add(occRef[r.nextDouble() < 0.8 ? primary : sibling(primary, r)]);
      if (r.nextDouble() < 0.4) {
        goals.add(occRef[secondary >= 0 ? secondary : sibling(primary, r)]);
      }
      if (r.nextDouble() < 0.15) {
        goals.add(occRef[pick(citizenOccCum, r)]);
      }
      for (OccupationRef o : goals) {
        b.jobGoal(new JobGoal(o, priority++));
      }
    }

    LinkedHashMap<String, Integer> skills = new LinkedHashMap<>();
    addSkills(skills, catalog.essential[primary], 0.55, r, lastWorked);
    addSkills(skills, catalog.optional[primary], 0.2, r, lastWorked);
    if (secondary >= 0) {
      addSkills(skills, catalog.essential[secondary], 0.3, r, lastWorked - 2);
    }
    int extra = r.nextInt(4);
    for (int i = 0; i < extra; i++) {
      skills.putIfAbsent(catalog.skillByRelation[r.nextInt(catalog.skillByRelation.length)],
          r.nextDouble() < 0.3 ? null : YEARS[year - r.nextInt(8) - 1900]);
    }
    int kept = 0;
    for (Map.Entry<String, Integer> e : skills.entrySet()) {
      if (kept++ == 30) {
        break;
      }
      b.skill(new SkillHolding(e.getKey(), e.getValue()));
    }

    if (r.nextDouble() < 0.92) {
      int level = educationLevel(catalog.isco[primary].charAt(0) - '0', r);
      if (tg == TargetGroup.UDDANNELSESHJAELP) {
        level = Math.min(level, 2);
      }
      String field = r.nextBoolean() ? abbreviate(catalog.label[primary], 200) : null;
      b.education(new Education(level, field, YEARS[year - 1 - r.nextInt(35) - 1900]));
    }
    if (r.nextDouble() < 0.6) {
      b.certificate("DRIVING_B");
    }
    char major = catalog.isco[primary].charAt(0);
    if (catalog.isco[primary].startsWith("83") || r.nextDouble() < 0.03) {
      b.certificate(r.nextDouble() < 0.5 ? "DRIVING_CE" : "DRIVING_C");
    }
    if ((major == '8' || major == '9') && r.nextDouble() < 0.25 || r.nextDouble() < 0.03) {
      b.certificate("FORKLIFT");
    }
    if (catalog.isco[primary].startsWith("51") || catalog.isco[primary].startsWith("94") || r.nextDouble() < 0.05) {
      b.certificate("HYGIENE");
    }
    if (r.nextDouble() < 0.15) {
      b.certificate("FIRST_AID");
    }
    CefrLevel da;
    if (tg == TargetGroup.SELVFORSOERGELSE_HJEMREJSE) {
      da = CefrLevel.values()[1 + pick(DANISH_NEWCOMER_CUM, r)];
    } else {
      da = CefrLevel.values()[5 - pick(DANISH_NATIVE_CUM, r)];
    }
    b.language(new LanguageSkill("da", da));
    if (r.nextDouble() < 0.5) {
      b.language(new LanguageSkill("en", CefrLevel.values()[2 + r.nextInt(3)]));
    }
    EnumSet<CompensationScheme> comp = EnumSet.noneOf(CompensationScheme.class);
    if (r.nextDouble() < (health ? 0.12 : 0.01)) {
      comp.add(CompensationScheme.AIDS);
    }
    if (r.nextDouble() < (health ? 0.06 : 0.005)) {
      comp.add(CompensationScheme.PERSONAL_ASSISTANCE);
    }
    if (r.nextDouble() < (fleks ? 0.03 : health ? 0.01 : 0.001)) {
      comp.add(CompensationScheme.FORTRINSADGANG);
    }
    b.compensation(comp);
    return b.build();
  }

  /**
   * Job order number {@code index}, id {@code jo-} and six digits.
   *
   * @throws IllegalArgumentException if {@code index} is negative
   */
  public JobOrder order(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index: '" + index + "' must not be negative");
    }
    SplittableRandom r = rng(0x2L, index);
    int occ = r.nextDouble() < 0.2 && shortageOccupations.length > 0
        ? shortageOccupations[r.nextInt(shortageOccupations.length)]
        : pick(orderOccCum, r);
    String group = catalog.isco[occ];
    boolean scarce = SHORTAGE_GROUPS.contains(group);
    EmploymentType type = EmploymentType.values()[pick(EMPLOYMENT_CUM, r)];
    boolean isPublic = r.nextDouble() < (scarce ? 0.75 : 0.2);
    String cvr = String.valueOf(10_000_000 + r.nextInt(90_000_000));
    String pNumber = String.valueOf(1_000_000_000L + r.nextLong(9_000_000_000L));
    Employer employer = new Employer(cvr, pNumber, "Arbejdsgiver " + cvr.substring(0, 4), isPublic,
        r.nextDouble() < 0.25, home(r, 8, 25));
    JobOrder.Builder b = JobOrder.builder(paddedId("jo-", index, 6), occRef[occ])
        .title(abbreviate(catalog.label[occ], 100))
        .employer(employer)
        .rarArea(r.nextDouble() < 0.95 ? RarArea.HOVEDSTADEN : RarArea.SJAELLAND)
        .employmentType(type)
        .acceptsFleksjob(type == EmploymentType.FLEKSJOB || r.nextDouble() < 0.12);
    String[] ess = catalog.essential[occ].clone();
    shuffle(ess, r);
    int nEss = Math.min(ess.length, 4 + r.nextInt(7));
    for (int i = 0; i < nEss; i++) {
      b.essentialSkill(ess[i]);
    }
    String[] opt = catalog.optional[occ].clone();
    shuffle(opt, r);
    int nOpt = Math.min(opt.length, r.nextInt(5));
    for (int i = 0; i < nOpt; i++) {
      if (Arrays.asList(ess).subList(0, nEss).contains(opt[i])) {
        continue;
      }
      b.optionalSkill(opt[i]);
    }
    if (nEss == 0 && nOpt == 0) {
      b.essentialSkill(catalog.skillByRelation[r.nextInt(catalog.skillByRelation.length)]);
    }
    int major = group.charAt(0) - '0';
    if (r.nextDouble() < 0.65) {
      b.minEducationLevel(switch (major) {
        case 1, 2 -> r.nextDouble() < 0.6 ? 6 : 5;
        case 3 -> r.nextBoolean() ? 4 : 5;
        case 9 -> 1;
        default -> r.nextDouble() < 0.7 ? 3 : 2;
      });
    }
    if (group.startsWith("83")) {
      b.certificate(r.nextBoolean() ? "DRIVING_C" : "DRIVING_B");
    } else if (group.equals("5322") || group.equals("5321")) {
      if (r.nextBoolean()) {
        b.certificate("DRIVING_B");
      }
    } else if (r.nextDouble() < 0.05) {
      b.certificate("DRIVING_B");
    }
    if (group.equals("8344") || group.startsWith("93") && r.nextDouble() < 0.4) {
      b.certificate("FORKLIFT");
    }
    if ((group.startsWith("51") || group.startsWith("94")) && r.nextBoolean()) {
      b.certificate("HYGIENE");
    }
    if (r.nextDouble() < 0.55) {
      b.language(new LanguageRequirement("da", major <= 3 ? CefrLevel.B2 : CefrLevel.B1));
    }
    if (major <= 2 && r.nextDouble() < 0.2) {
      b.language(new LanguageRequirement("en", CefrLevel.B2));
    }
    if (type == EmploymentType.FLEKSJOB) {
      b.hoursPerWeek(4 + r.nextInt(6), 12 + r.nextInt(14));
    } else if (type == EmploymentType.INTERNSHIP || type == EmploymentType.WAGE_SUBSIDY) {
      b.hoursPerWeek(r.nextBoolean() ? 10 : 15, 37);
    } else {
      double h = r.nextDouble();
      if (h < 0.65) {
        b.hoursPerWeek(37, 37);
      } else if (h < 0.85) {
        b.hoursPerWeek(25, 37);
      } else {
        b.hoursPerWeek(15, 30);
      }
    }
    b.positions(r.nextDouble() < 0.7 ? 1 : 2 + r.nextInt(4));
    if (r.nextBoolean()) {
      b.maxCandidates(new int[] {5, 10, 15, 20}[r.nextInt(4)]);
    }
    LocalDate start = asOf.plusDays(14 + r.nextInt(137));
    LocalDate deadline = start.minusDays(7 + r.nextInt(24));
    b.startDate(start).deadline(deadline.isAfter(asOf) ? deadline : asOf.plusDays(1));
    return b.build();
  }

  private static String paddedId(String prefix, int index, int digits) {
    String n = Integer.toString(index);
    return n.length() >= digits ? prefix + n : prefix + "0".repeat(digits - n.length()) + n;
  }

  private SplittableRandom rng(long stream, int index) {
    return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index));
  }

  /** SplitMix64's finaliser: neighbouring indices get unrelated streams. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private int sibling(int occ, SplittableRandom r) {
    int[] same = catalog.byMinorGroup.get(catalog.isco[occ].substring(0, 3));
    return same[r.nextInt(same.length)];
  }

  private void addSkills(Map<String, Integer> out, String[] from, double p, SplittableRandom r, int lastWorked) {
    for (String s : from) {
      if (r.nextDouble() < p) {
        Integer used = r.nextDouble() < 0.3 ? null : YEARS[Math.max(1950, lastWorked - r.nextInt(3)) - 1900];
        out.putIfAbsent(s, used);
      }
    }
  }

  private static int educationLevel(int major, SplittableRandom r) {
    return 1 + pick(EDUCATION_CUM[major], r);
  }

  /**
   * A point around Glostrup: with probability one half uniformly within {@code nearKm}, else at a
   * distance uniform in {@code nearKm .. farKm}; points east of the coast are mirrored to the
   * west. Coordinates are rounded to five decimals (about a metre) so JSON round trips exactly.
   */
  private static Location home(SplittableRandom r, double nearKm, double farKm) {
    double d = r.nextBoolean() ? nearKm * Math.sqrt(r.nextDouble()) : nearKm + (farKm - nearKm) * r.nextDouble();
    double bearing = r.nextDouble() * 2 * Math.PI;
    double lat = GLOSTRUP_LAT + d * Math.cos(bearing) / 111.32;
    double lon = GLOSTRUP_LON + d * Math.sin(bearing) / (111.32 * Math.cos(Math.toRadians(GLOSTRUP_LAT)));
    if (lon > 12.62) {
      lon = GLOSTRUP_LON - (lon - GLOSTRUP_LON);
    }
    lat = Math.round(lat * 1e5) / 1e5;
    lon = Math.round(lon * 1e5) / 1e5;
    String postal = null;
    double best = Double.MAX_VALUE;
    double cos = Math.cos(Math.toRadians(lat));
    for (int i = 0; i < POSTAL.length; i++) {
      double dy = lat - POSTAL_LAT[i];
      double dx = (lon - POSTAL_LON[i]) * cos;
      double dd = dx * dx + dy * dy;
      if (dd < best) {
        best = dd;
        postal = POSTAL[i][0];
      }
    }
    return new Location(postal, lat, lon);
  }

  private static double roundYears(double y) {
    return Math.min(40, Math.round(y * 2) / 2.0);
  }

  private static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static void shuffle(String[] a, SplittableRandom r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      String t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  private static double[] cumulative(double[] w) {
    double[] c = new double[w.length];
    double s = 0;
    for (int i = 0; i < w.length; i++) {
      s += w[i];
      c[i] = s;
    }
    return c;
  }

  private static int pick(double[] cum, SplittableRandom r) {
    double x = r.nextDouble() * cum[cum.length - 1];
    int i = Arrays.binarySearch(cum, x);
    i = i < 0 ? -i - 1 : i + 1;
    // Skip zero-weight entries that share the cumulative value of their predecessor.
    while (i < cum.length - 1 && (i > 0 ? cum[i] - cum[i - 1] : cum[i]) == 0) {
      i++;
    }
    return Math.min(i, cum.length - 1);
  }

  /** Mutable, not thread-safe builder of a {@link PopulationGenerator}. */
  public static final class Builder {
    private final long seed;
    private LocalDate asOf = DEFAULT_AS_OF;
    private Path esco;

    private Builder(long seed) {
      this.seed = seed;
    }

    /** Sets the "today" of the generated data (default {@link #DEFAULT_AS_OF}). */
    public Builder asOf(LocalDate date) {
      this.asOf = Objects.requireNonNull(date, "asOf");
      return this;
    }

    /**
     * Draws occupations and skills from the ESCO CSV export in {@code dir}; {@link #build()}
     * fails if it cannot be read.
     */
    public Builder esco(Path dir) {
      this.esco = Objects.requireNonNull(dir, "esco");
      return this;
    }

    /**
     * Uses ESCO from {@code dir} if that folder holds the export, else the synthetic taxonomy;
     * {@code null} means synthetic.
     */
    public Builder escoIfPresent(Path dir) {
      this.esco = dir != null && Files.isRegularFile(dir.resolve("occupationSkillRelations.csv")) ? dir : null;
      return this;
    }

    /** Uses the synthetic taxonomy even when ESCO is available. */
    public Builder synthetic() {
      this.esco = null;
      return this;
    }

    /**
     * Builds the generator, loading ESCO if asked (about a second).
     *
     * @throws UncheckedIOException if ESCO was asked for and cannot be read
     */
    public PopulationGenerator build() {
      OccupationCatalog catalog;
      if (esco != null) {
        try {
          catalog = OccupationCatalog.esco(esco);
        } catch (IOException e) {
          throw new UncheckedIOException(e.getMessage(), e);
        }
      } else {
        catalog = OccupationCatalog.synthetic(seed);
      }
      return new PopulationGenerator(seed, asOf, catalog);
    }
  }
}
