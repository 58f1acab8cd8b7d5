package dk.jobmatch.bench.quality;

import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.taxonomy.DanishTextMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * A labelled population for measuring ranking quality: citizens with a hidden true occupation
 * (their trade), job orders with a hidden true occupation, the graded truth between them, and a
 * train/test split of both. Generated from the real ESCO graph by {@link #generate}.
 *
 * <h2>Citizens</h2>
 *
 * A citizen's trade is an ESCO occupation, drawn with a Zipf-like popularity (a few trades are
 * common, most are rare). Their CV is noisy, as real CVs are:
 *
 * <ul>
 *   <li>only part of the trade's essential skills (half in {@link Variant#STANDARD}) and a few of
 *       its optional ones, and a share of those named by an ESCO-related skill (a relation, the
 *       broader or a sibling skill) instead of the exact concept;
 *   <li>one to four transversal skills and up to two skills drawn from anywhere;
 *   <li>a quarter have an older, unrelated career: its experience (years ago) and some of its
 *       skills, stale;
 *   <li>experience in the trade is sometimes missing, sometimes recorded as a sibling occupation
 *       (same unit group or minor group) instead;
 *   <li>job goals are sometimes missing; the first goal is usually the trade, sometimes a sibling
 *       or an unrelated occupation;
 *   <li>occupations are referenced as ESCO URIs, ISCO-08 unit groups or DISCO-08 codes, mixed.
 * </ul>
 *
 * <h2>Orders</h2>
 *
 * An order's true occupation is drawn from a flatter popularity; it is named in one of four
 * ways ({@link OrderType}): an ESCO occupation, its ISCO unit group, a DISCO-08 code under the
 * unit group, or only a Danish title and description (written from the DISCO-08 Danish titles)
 * that the project's {@link DanishTextMapper} maps to an occupation — which may be wrong, as in
 * real use. Orders naming a code list some of the true occupation's skills two times in three,
 * otherwise none (the engine then takes the occupation's skills from the taxonomy).
 *
 * <h2>Gates and policy components are equalised</h2>
 *
 * The truth judges fit (skills, occupation, goals); so that hard gates and the municipality's
 * policy components do not mask it, every citizen passes every gate for every order (searchable,
 * job-ready, no commute limit, no hours, certificates or language requirements, available), all
 * live and work at the same place (distance credit equal for all), no order requires an
 * education level (education credit 1 for all) and there is no shortage data or fleksjob (shortage
 * and inclusion 0 for all).
 *
 * <h2>Splits</h2>
 *
 * Every citizen and every order is assigned to {@link Split#TRAIN} or {@link Split#TEST} by a
 * seeded coin; `rank` is measured on test orders, `suggest` on test citizens. Policy tuning must
 * look only at train queries. Candidates are never split: a test order is ranked against all
 * citizens, a test citizen gets suggestions from all orders.
 *
 * <p>Reproducible: the same seed, sizes, variant and data give the same dataset. Immutable and
 * thread-safe.
 */
public final class QualityDataset {
  /** The date the data is generated and scored for. */
  public static final LocalDate AS_OF = LocalDate.of(2026, 11, 2);
  /** The one place everyone lives and works (Glostrup): distance is equal for every pair. */
  public static final Location PLACE = new Location("2600", 55.6666, 12.3984);

  /** How an order names its occupation. */
  public enum OrderType {
    /** An ESCO occupation URI. */
    ESCO,
    /** An ISCO-08 unit group ({@code isco:NNNN}). */
    ISCO,
    /** A DISCO-08 code under the unit group ({@code disco:NNNNNN}, or the unit group). */
    DISCO,
    /** Only a Danish title and description, mapped to an occupation by the Danish text mapper. */
    TEXT
  }

  /** Train (for tuning) or test (never seen by tuning). */
  public enum Split {
    TRAIN,
    TEST
  }

  /** How noisy the citizens' records are. */
  public enum Variant {
    /** Half the trade's essential skills, experience for three in four, goals for four in five. */
    STANDARD(0.5, 0.15, 0.3, 0.75, 0.8),
    /** Sparse records: a third of the essential skills, more substitutions, more gaps. */
    SPARSE(0.3, 0.08, 0.4, 0.55, 0.6);

    final double essentialKept;
    final double optionalKept;
    final double substituted;
    final double experienced;
    final double withGoals;

    Variant(double essentialKept, double optionalKept, double substituted, double experienced, double withGoals) {
      this.essentialKept = essentialKept;
      this.optionalKept = optionalKept;
      this.substituted = substituted;
      this.experienced = experienced;
      this.withGoals = withGoals;
    }
  }

  /**
   * A citizen with the hidden truth.
   *
   * @param citizen the record the engine sees
   * @param occupation the citizen's trade (index into {@link QualityTaxonomy})
   * @param split train or test
   */
  public record LabelledCitizen(Citizen citizen, int occupation, Split split) {}

  /**
   * A job order with the hidden truth.
   *
   * @param order the record the engine sees
   * @param occupation the true occupation (index into {@link QualityTaxonomy})
   * @param type how the order names its occupation
   * @param split train or test
   * @param mappedToUnitGroup for {@link OrderType#TEXT}: whether the mapped occupation lies in the
   *     true unit group (always true for the other types)
   */
  public record LabelledOrder(JobOrder order, int occupation, OrderType type, Split split, boolean mappedToUnitGroup) {}

  private final String name;
  private final long seed;
  private final Variant variant;
  private final QualityTaxonomy taxonomy;
  private final List<LabelledCitizen> citizens;
  private final List<LabelledOrder> orders;
  private final int textOrdersUnmapped;

  private QualityDataset(String name, long seed, Variant variant, QualityTaxonomy taxonomy,
      List<LabelledCitizen> citizens, List<LabelledOrder> orders, int unmapped) {
    this.name = name;
    this.seed = seed;
    this.variant = variant;
    this.taxonomy = taxonomy;
    this.citizens = List.copyOf(citizens);
    this.orders = List.copyOf(orders);
    this.textOrdersUnmapped = unmapped;
  }

  /**
   * A {@link Variant#STANDARD} dataset of {@code size} citizens and {@code size / 30} orders (at
   * least 10).
   *
   * @throws IllegalArgumentException if {@code size < 1}
   */
  public static QualityDataset generate(long seed, int size, QualityTaxonomy taxonomy) {
    return generate(seed, size, Math.max(10, size / 30), Variant.STANDARD, taxonomy);
  }

  /**
   * Generates a dataset.
   *
   * @param seed the seed (the same seed gives the same dataset)
   * @param citizens number of citizens
   * @param orders number of orders to draw (Danish-text orders the mapper maps to nothing are
   *     dropped and counted in {@link #textOrdersUnmapped()})
   * @param variant how noisy citizens' records are
   * @throws IllegalArgumentException if a count is below 1
   */
  public static QualityDataset generate(long seed, int citizens, int orders, Variant variant, QualityTaxonomy taxonomy) {
    if (citizens < 1 || orders < 1) {
      throw new IllegalArgumentException("citizens, orders: '" + citizens + ", " + orders + "' must be at least 1");
    }
    Objects.requireNonNull(variant, "variant");
    Generator g = new Generator(seed, variant, taxonomy);
    List<LabelledCitizen> cs = IntStream.range(0, citizens).parallel().mapToObj(g::citizen).toList();
    List<LabelledOrder> os = new ArrayList<>();
    int unmapped = 0;
    for (int j = 0; j < orders; j++) {
      LabelledOrder o = g.order(j);
      if (o == null) {
        unmapped++;
      } else {
        os.add(o);
      }
    }
    String name = "seed" + seed + "-" + variant.name().toLowerCase(java.util.Locale.ROOT);
    return new QualityDataset(name, seed, variant, taxonomy, cs, os, unmapped);
  }

  /** A short name: {@code seed<N>-<variant>}. */
  public String name() {
    return name;
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The variant. */
  public Variant variant() {
    return variant;
  }

  /** The reference data. */
  public QualityTaxonomy taxonomy() {
    return taxonomy;
  }

  /** All citizens, both splits, in id order. */
  public List<LabelledCitizen> citizens() {
    return citizens;
  }

  /** All orders, both splits, in id order. */
  public List<LabelledOrder> orders() {
    return orders;
  }

  /** The citizens of one split. */
  public List<LabelledCitizen> citizens(Split split) {
    return citizens.stream().filter(c -> c.split() == split).toList();
  }

  /** The orders of one split. */
  public List<LabelledOrder> orders(Split split) {
    return orders.stream().filter(o -> o.split() == split).toList();
  }

  /** The citizen records alone (what is indexed). */
  public List<Citizen> citizenRecords() {
    return citizens.stream().map(LabelledCitizen::citizen).toList();
  }

  /** Graded truth of a pair: 3 same occupation, 2 same ISCO unit group, 1 same minor group, 0. */
  public int grade(LabelledCitizen c, LabelledOrder o) {
    return taxonomy.grade(c.occupation(), o.occupation());
  }

  /** Danish-text orders dropped because the mapper found no occupation in their text. */
  public int textOrdersUnmapped() {
    return textOrdersUnmapped;
  }

  @Override
  public String toString() {
    return "QualityDataset[" + name + ", " + citizens.size() + " citizens, " + orders.size() + " orders]";
  }

  /** The random draws; one independent stream per citizen and per order. */
  private static final class Generator {
    private static final String[] TITLE_FORMS = {"%s", "%s søges", "Vi søger: %s", "%s til fast stilling",
        "Erfaren medarbejder: %s"};
    private static final String[] DESCRIPTION_FORMS = {
      "Vi søger en ny kollega inden for %s. Stillingen er på fuld tid med start hurtigst muligt.",
      "Har du erfaring med %s? Vi tilbyder en spændende hverdag med gode kolleger.",
      "Virksomheden udvider og søger medarbejdere til %s. Løn efter overenskomst.",
      "Til vores afdeling søger vi en engageret person. Arbejdsområdet er %s."
    };

    private final long seed;
    private final Variant v;
    private final QualityTaxonomy t;
    private final double[] citizenCum;
    private final double[] orderCum;
    private final int year = AS_OF.getYear();

    Generator(long seed, Variant v, QualityTaxonomy t) {
      this.seed = seed;
      this.v = v;
      this.t = t;
      int n = t.size();
      int[] perm = IntStream.range(0, n).toArray();
      SplittableRandom r = new SplittableRandom(seed ^ 0x0CC0FA7105L);
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int x = perm[i];
        perm[i] = perm[j];
        perm[j] = x;
      }
      double[] cw = new double[n];
      double[] ow = new double[n];
      for (int rank = 0; rank < n; rank++) {
        cw[perm[rank]] = 1.0 / Math.pow(rank + 1, 0.9);
        ow[perm[rank]] = 1.0 / Math.pow(rank + 1, 0.6);
      }
      this.citizenCum = cumulative(cw);
      this.orderCum = cumulative(ow);
    }

    private SplittableRandom rng(long stream, int index) {
      long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return new SplittableRandom(z ^ (z >>> 31));
    }

    LabelledCitizen citizen(int index) {
      SplittableRandom r = rng(1, index);
      Split split = r.nextBoolean() ? Split.TRAIN : Split.TEST;
      int occ = pick(citizenCum, r);
      Citizen.Builder b = Citizen.builder(String.format("c-%07d", index))
          .targetGroup(TargetGroup.A_DAGPENGE).jobReady(true).searchable(true)
          .location(PLACE).language("da", CefrLevel.C1)
          .education(1 + r.nextInt(6), null, year - 1 - r.nextInt(30));
      LinkedHashMap<String, Integer> skills = new LinkedHashMap<>();
      int lastWorked = year - (r.nextDouble() < 0.8 ? r.nextInt(3) : 3 + r.nextInt(6));
      addSkills(skills, t.essential[occ], v.essentialKept, r, lastWorked);
      addSkills(skills, t.optional[occ], v.optionalKept, r, lastWorked);
      int transversal = 1 + r.nextInt(4);
      for (int i = 0; i < transversal && t.transversal.length > 0; i++) {
        skills.putIfAbsent(t.transversal[r.nextInt(t.transversal.length)], recent(r));
      }
      int noise = r.nextInt(3);
      for (int i = 0; i < noise; i++) {
        skills.putIfAbsent(t.skillByRelation[r.nextInt(t.skillByRelation.length)], recent(r));
      }
      List<Experience> experience = new ArrayList<>();
      if (r.nextDouble() < v.experienced) {
        int held = r.nextDouble() < 0.85 ? occ : sibling(occ, r);
        double years = Math.min(30, 0.5 + Math.round(-4 * Math.log(1 - r.nextDouble()) * 2) / 2.0);
        experience.add(new Experience(ref(held, r, 0.7, 0.2), years, lastWorked));
      }
      if (r.nextDouble() < 0.25) {
        // An older career in another trade: its experience and some of its skills, long unused.
        int old = pick(citizenCum, r);
        if (old != occ) {
          int oldYear = year - 6 - r.nextInt(10);
          experience.add(new Experience(ref(old, r, 0.7, 0.2), 1 + r.nextInt(8), oldYear));
          for (String s : t.essential[old]) {
            if (r.nextDouble() < 0.25) {
              skills.putIfAbsent(s, oldYear);
            }
          }
        }
      }
      // Most recent first, as a CV lists it.
      experience.sort((a, c) -> Integer.compare(c.lastYear(), a.lastYear()));
      b.experience(experience);
      if (r.nextDouble() < v.withGoals) {
        double u = r.nextDouble();
        int first = u < 0.6 ? occ : u < 0.85 ? sibling(occ, r) : pick(citizenCum, r);
        List<Integer> goals = new ArrayList<>(List.of(first));
        if (r.nextDouble() < 0.4) {
          int second = r.nextBoolean() ? sibling(occ, r) : (first == occ ? pick(citizenCum, r) : occ);
          if (!goals.contains(second)) {
            goals.add(second);
          }
        }
        for (int i = 0; i < goals.size(); i++) {
          b.jobGoal(new JobGoal(ref(goals.get(i), r, 0.5, 0.35), i + 1));
        }
      }
      int kept = 0;
      for (Map.Entry<String, Integer> e : skills.entrySet()) {
        if (kept++ == 40) {
          break;
        }
        b.skill(e.getKey(), e.getValue());
      }
      return new LabelledCitizen(b.build(), occ, split);
    }

    private void addSkills(Map<String, Integer> out, String[] from, double p, SplittableRandom r, int lastWorked) {
      for (String s : from) {
        if (r.nextDouble() >= p) {
          continue;
        }
        String named = s;
        if (r.nextDouble() < v.substituted) {
          String[] rel = t.related(s);
          if (rel.length > 0) {
            named = rel[r.nextInt(Math.min(rel.length, 10))];
          }
        }
        double u = r.nextDouble();
        out.putIfAbsent(named, u < 0.2 ? null : u < 0.9 ? lastWorked - r.nextInt(2) : lastWorked - 4 - r.nextInt(8));
      }
    }

    private Integer recent(SplittableRandom r) {
      return r.nextDouble() < 0.3 ? null : year - r.nextInt(6);
    }

    /** Another occupation in the same unit group if there is one (mostly), else in the minor group. */
    private int sibling(int occ, SplittableRandom r) {
      int[] unit = t.byUnitGroup.get(t.unitGroup[occ]);
      int[] pool = unit.length > 1 && r.nextDouble() < 0.6 ? unit : t.byMinorGroup.get(t.unitGroup[occ].substring(0, 3));
      for (int tries = 0; tries < 8; tries++) {
        int s = pool[r.nextInt(pool.length)];
        if (s != occ) {
          return s;
        }
      }
      return occ;
    }

    /** The occupation as an ESCO URI (probability {@code esco}), ISCO unit group ({@code isco}) or DISCO code. */
    private OccupationRef ref(int occ, SplittableRandom r, double esco, double isco) {
      double u = r.nextDouble();
      if (u < esco) {
        return t.occupation[occ];
      }
      if (u < esco + isco) {
        return OccupationRef.isco(t.unitGroup[occ]);
      }
      return OccupationRef.disco(discoLeaf(t.unitGroup[occ], r));
    }

    private String discoLeaf(String unit, SplittableRandom r) {
      List<String> children = t.disco().children(unit);
      return children.isEmpty() ? unit : children.get(r.nextInt(children.size()));
    }

    LabelledOrder order(int index) {
      SplittableRandom r = rng(2, index);
      Split split = r.nextBoolean() ? Split.TRAIN : Split.TEST;
      int occ = pick(orderCum, r);
      double u = r.nextDouble();
      OrderType type = u < 0.35 ? OrderType.ESCO : u < 0.55 ? OrderType.ISCO : u < 0.75 ? OrderType.DISCO : OrderType.TEXT;
      String id = String.format("jo-%06d", index);
      String unit = t.unitGroup[occ];
      Employer employer = new Employer("1" + String.format("%07d", index), null, "Arbejdsgiver", false, false, PLACE);
      if (type == OrderType.TEXT) {
        String leaf = discoLeaf(unit, r);
        String leafTitle = t.disco().title(r.nextDouble() < 0.75 ? leaf : unit).orElse(unit);
        String title = abbreviate(String.format(TITLE_FORMS[r.nextInt(TITLE_FORMS.length)], leafTitle), 100);
        String area = t.disco().title(unit).orElse(leafTitle).toLowerCase(java.util.Locale.ROOT);
        String description = String.format(DESCRIPTION_FORMS[r.nextInt(DESCRIPTION_FORMS.length)], area);
        List<DanishTextMapper.Candidate> found = t.mapper().mapOrderText(title, description).occupations();
        if (found.isEmpty()) {
          return null;
        }
        OccupationRef mapped = found.get(0).occupation();
        String digits = t.taxonomy().resolve(mapped).digits();
        JobOrder order = JobOrder.builder(id, mapped).title(title).description(description).employer(employer).build();
        order = t.mapper().enrich(order);
        return new LabelledOrder(order, occ, type, split, digits != null && digits.startsWith(unit));
      }
      OccupationRef named = switch (type) {
        case ESCO -> t.occupation[occ];
        case ISCO -> OccupationRef.isco(unit);
        default -> OccupationRef.disco(discoLeaf(unit, r));
      };
      JobOrder.Builder b = JobOrder.builder(id, named).employer(employer)
          .title(abbreviate(t.esco().occupationLabel(t.occupation[occ]).orElse(unit), 100));
      if (r.nextDouble() < 2.0 / 3) {
        String[] ess = t.essential[occ].clone();
        shuffle(ess, r);
        int nEss = Math.min(ess.length, 3 + r.nextInt(6));
        List<String> listed = new ArrayList<>(Arrays.asList(ess).subList(0, nEss));
        for (String s : listed) {
          b.essentialSkill(s);
        }
        String[] opt = t.optional[occ].clone();
        shuffle(opt, r);
        int nOpt = Math.min(opt.length, r.nextInt(4));
        for (int i = 0; i < nOpt; i++) {
          if (!listed.contains(opt[i])) {
            listed.add(opt[i]);
            b.optionalSkill(opt[i]);
          }
        }
        if (r.nextDouble() < 0.3 && t.transversal.length > 0) {
          String s = t.transversal[r.nextInt(t.transversal.length)];
          if (!listed.contains(s)) {
            b.optionalSkill(s);
          }
        }
      }
      return new LabelledOrder(b.build(), occ, type, split, true);
    }

    private static String abbreviate(String s, int max) {
      return s.length() <= max ? s : s.substring(0, max);
    }

    private static void shuffle(String[] a, SplittableRandom r) {
      for (int i = a.length - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        String x = a[i];
        a[i] = a[j];
        a[j] = x;
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
      return Math.min(i, cum.length - 1);
    }
  }
}
