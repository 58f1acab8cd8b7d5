package dk.jobmatch.kernel;

import dk.jobmatch.internal.Geo;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.LanguageRequirement;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.PolicyConstant;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.ShortageCategory;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

/**
 * A job order prepared for scoring: required skills with normalised weights, the credit every
 * held skill gives to each required skill (itself 1, related skills less), the resolved
 * occupation, the gates as primitives. Immutable once built; shared by all search threads.
 *
 * @lucene.internal
 */
public final class CompiledOrder {
  /** Credits a held skill gives: to required skill {@code req[i]}, credit {@code credit[i]}. */
  public record SkillCredit(int[] req, double[] credit) {}

  public final JobOrder order;
  public final OccupationCode occupation;
  public final boolean derivedRequirements;
  public final String[] requiredIds;
  public final boolean[] essential;
  /** Normalised to sum 1. */
  public final double[] requiredWeight;
  public final IntObjectHashMap<SkillCredit> credits;
  /**
   * The keys of {@link #credits} as a bit set by skill id: most skills a citizen holds credit
   * nothing, and one bit read answers that before a hash probe.
   */
  final long[] creditedBits;
  /** For the Lucene query: per required skill, the skills crediting it and their credit. */
  public final List<Map<String, Double>> expansions;
  /**
   * Per required skill, the vocabulary ids of {@link #expansions}' skills (in {@link
   * #vocabularies}), parallel to {@link #expansionCredits}: the retrieval reads postings by id
   * without looking the names up again.
   */
  public final int[][] expansionIds;
  /** Per required skill, the credits parallel to {@link #expansionIds}. */
  public final double[][] expansionCredits;
  public final int minEducation;
  public final ShortageCategory shortage;
  public final double shortageValue;
  public final double workLat;
  public final double workLon;
  /** The workplace on the unit sphere ({@link Geo#unitVector}; NaN without a workplace): x, y, z. */
  final double[] workUnit = new double[3];
  public final int hoursMin;
  public final int hoursMax;
  public final int[] certificates;
  public final int[] languages;
  public final byte[] languageLevels;
  public final int startDay;
  public final EmploymentType type;
  public final boolean fleksjobFeasible;
  public final boolean publicEmployer;
  public final boolean disabilityFriendly;
  public final int asOfYear;
  public final ScoringPolicy policy;
  /** Names of skill vocabulary ids, for explanations. */
  public final Vocabulary skillNames;
  /** The vocabularies the order's codes are interned in, for gate explanations. */
  final Vocabularies vocabularies;

  /** The workplace on the unit sphere (x, y, z; NaN without a workplace), a fresh copy. */
  public double[] workplaceUnitVector() {
    return workUnit.clone();
  }

  /** Whether the order's codes are interned in these vocabularies. */
  public boolean internedIn(Vocabularies v) {
    return vocabularies == v;
  }

  private CompiledOrder(JobOrder o, Taxonomy taxonomy, ShortageLookup shortageLookup, ScoringPolicy policy,
      LocalDate asOf, Vocabularies v, PopulationStats stats, SkillExpansions skillExpansions) {
    this.order = o;
    this.policy = policy;
    this.skillNames = v.skills();
    this.vocabularies = v;
    this.asOfYear = asOf.getYear();
    this.occupation = taxonomy.resolve(o.occupation());
    List<RequiredSkill> req = o.requiredSkills();
    boolean derived = false;
    if (req.isEmpty()) {
      req = taxonomy.skillsOf(o.occupation());
      derived = !req.isEmpty();
      // A taxonomy may list a skill both as essential and optional: keep the first.
      Map<String, RequiredSkill> unique = new LinkedHashMap<>();
      for (RequiredSkill r : req) {
        unique.putIfAbsent(r.id(), r);
      }
      req = List.copyOf(unique.values());
    }
    this.derivedRequirements = derived;
    int m = req.size();
    this.requiredIds = new String[m];
    this.essential = new boolean[m];
    this.requiredWeight = new double[m];
    this.credits = new IntObjectHashMap<>();
    this.expansions = new ArrayList<>(m);
    this.expansionIds = new int[m][];
    this.expansionCredits = new double[m][];
    double total = 0;
    double relatedScale = policy.constant(PolicyConstant.RELATED_CREDIT_SCALE);
    for (int j = 0; j < m; j++) {
      RequiredSkill r = req.get(j);
      requiredIds[j] = r.id();
      essential[j] = r.essential();
      int sid = v.skills().intern(r.id());
      Optional<ReuseLevel> reuse = taxonomy.reuseLevel(r.id());
      double specificity = specificity(policy, reuse.orElse(null), stats, sid);
      requiredWeight[j] = (r.essential() ? policy.essentialWeight() : policy.optionalWeight()) * specificity;
      total += requiredWeight[j];
      SkillExpansions.Expansion expansion = skillExpansions.of(r.id(), policy.maxRelatedSkills(), relatedScale);
      expansions.add(expansion.terms());
      expansionIds[j] = expansion.ids();
      expansionCredits[j] = expansion.credits();
      for (int i = 0; i < expansion.ids().length; i++) {
        credit(expansion.ids()[i], j, expansion.credits()[i]);
      }
    }
    for (int j = 0; j < m; j++) {
      requiredWeight[j] /= total;
    }
    int maxHeld = -1;
    for (int[] ids : expansionIds) {
      for (int id : ids) {
        maxHeld = Math.max(maxHeld, id);
      }
    }
    this.creditedBits = new long[(maxHeld >> 6) + 1];
    for (int[] ids : expansionIds) {
      for (int id : ids) {
        creditedBits[id >> 6] |= 1L << id;
      }
    }
    this.minEducation = o.minEducationLevel() == null ? 0 : o.minEducationLevel();
    this.shortage = occupation == null ? null
        : shortageLookup.category(occupation, o.rarArea(), asOf).orElse(null);
    this.shortageValue = shortage == ShortageCategory.MANGEL ? 1.0
        : shortage == ShortageCategory.PARADOKS ? policy.constant(PolicyConstant.PARADOKS_SHORTAGE_CREDIT) : 0.0;
    this.workLat = o.workplace() == null ? Double.NaN : o.workplace().lat();
    this.workLon = o.workplace() == null ? Double.NaN : o.workplace().lon();
    Geo.unitVector(workLat, workLon, workUnit, 0);
    this.hoursMin = o.hoursPerWeek() == null ? -1 : o.hoursPerWeek().min();
    this.hoursMax = o.hoursPerWeek() == null ? -1 : o.hoursPerWeek().max();
    this.certificates = o.certificates().stream().mapToInt(s -> v.certificates().intern(s)).sorted().toArray();
    List<LanguageRequirement> langs = o.languages();
    this.languages = new int[langs.size()];
    this.languageLevels = new byte[langs.size()];
    for (int i = 0; i < langs.size(); i++) {
      languages[i] = v.languages().intern(langs.get(i).code());
      languageLevels[i] = (byte) langs.get(i).minLevel().ordinal();
    }
    this.startDay = o.startDate() == null ? Integer.MAX_VALUE : (int) o.startDate().toEpochDay();
    this.type = o.employmentType();
    this.fleksjobFeasible = o.fleksjobFeasible();
    this.publicEmployer = o.publicEmployer();
    this.disabilityFriendly = o.employer() != null && o.employer().disabilityFriendly();
  }

  /** Whether a held skill credits any required skill: {@code credits.containsKey(skill)}, faster. */
  boolean credits(int skill) {
    int word = skill >> 6;
    return word < creditedBits.length && (creditedBits[word] & (1L << skill)) != 0;
  }

  /**
   * Records that held skill {@code held} credits required skill {@code j} with {@code credit},
   * keeping the best credit per pair; required skills are added in ascending order, so each
   * held skill's {@link SkillCredit#req} stays ascending.
   */
  private void credit(int held, int j, double credit) {
    SkillCredit sc = credits.get(held);
    if (sc == null) {
      credits.put(held, new SkillCredit(new int[] {j}, new double[] {credit}));
      return;
    }
    int last = sc.req().length - 1;
    if (sc.req()[last] == j) {
      sc.credit()[last] = Math.max(sc.credit()[last], credit);
      return;
    }
    int[] req = Arrays.copyOf(sc.req(), last + 2);
    double[] c = Arrays.copyOf(sc.credit(), last + 2);
    req[last + 1] = j;
    c[last + 1] = credit;
    credits.put(held, new SkillCredit(req, c));
  }

  /**
   * Prepares an order for scoring.
   *
   * @param stats population statistics for rarity-based specificity
   */
  public static CompiledOrder compile(JobOrder o, Taxonomy taxonomy, ShortageLookup shortage, ScoringPolicy policy,
      LocalDate asOf, Vocabularies v, PopulationStats stats) {
    return new CompiledOrder(o, taxonomy, shortage, policy, asOf, v, stats, SkillExpansions.afresh(taxonomy, v));
  }

  /**
   * {@link #compile(JobOrder, Taxonomy, ShortageLookup, ScoringPolicy, LocalDate, Vocabularies,
   * PopulationStats)} with the required skills' expansions taken from {@code expansions} (the
   * same result, computed once per skill).
   *
   * @throws IllegalArgumentException if {@code expansions} serves another taxonomy or other
   *     vocabularies
   */
  public static CompiledOrder compile(JobOrder o, Taxonomy taxonomy, ShortageLookup shortage, ScoringPolicy policy,
      LocalDate asOf, Vocabularies v, PopulationStats stats, SkillExpansions expansions) {
    if (!expansions.serves(taxonomy, v)) {
      throw new IllegalArgumentException("expansions: must serve the same taxonomy and vocabularies");
    }
    return new CompiledOrder(o, taxonomy, shortage, policy, asOf, v, stats, expansions);
  }

  /**
   * A required skill's specificity: its ESCO reuse level's, modulated by its rarity among the
   * indexed citizens by the policy's {@code rarityInfluence}; without a reuse level, its rarity
   * alone.
   *
   * @param level the ESCO reuse level, or {@code null} if unknown
   */
  public static double specificity(ScoringPolicy p, ReuseLevel level, PopulationStats stats, int skillId) {
    double rarity = stats.specificity(p, skillId);
    if (level == null) {
      return rarity;
    }
    double r = p.constant(PolicyConstant.RARITY_INFLUENCE);
    return specificity(p, level) * (1 - r + r * rarity);
  }

  /** The policy's specificity of a skill with this ESCO reuse level. */
  public static double specificity(ScoringPolicy p, ReuseLevel level) {
    return p.constant(switch (level) {
      case TRANSVERSAL -> PolicyConstant.SPECIFICITY_TRANSVERSAL;
      case CROSS_SECTOR -> PolicyConstant.SPECIFICITY_CROSS_SECTOR;
      case SECTOR_SPECIFIC -> PolicyConstant.SPECIFICITY_SECTOR_SPECIFIC;
      case OCCUPATION_SPECIFIC -> PolicyConstant.SPECIFICITY_OCCUPATION_SPECIFIC;
    });
  }

  /** The order. */
  public JobOrder order() {
    return order;
  }

  /**
   * An upper bound of the part of any citizen's score that does not come from skill,
   * occupation or goal terms: what a citizen matching no query term can reach at most.
   */
  public double nonTermUpperBound() {
    double inclusion = fleksjobFeasible || disabilityFriendly ? 1 : 0;
    double education = Math.max(1.0, Math.max(policy.upskillingCredit(), policy.upskillingShortageCredit()));
    return nonTermSum(education, maxDistanceValue(), inclusion);
  }

  /**
   * The one weighted sum of the components no term carries: {@code w(EDUCATION)·education +
   * w(DISTANCE)·distance + w(INCLUSION)·inclusion + w(SHORTAGE)·shortage}, the order's shortage
   * value being the last. Every non-term score and bound of the kernel is this sum of other values.
   */
  double nonTermSum(double education, double distance, double inclusion) {
    return policy.weight(Component.EDUCATION) * education
        + policy.weight(Component.DISTANCE) * distance
        + policy.weight(Component.INCLUSION) * inclusion + policy.weight(Component.SHORTAGE) * shortageValue;
  }

  /**
   * An upper bound of the {@linkplain FeatureScorer#distanceValue distance value} of a citizen
   * whose home is known and lies at least {@code minKm} kilometres from the workplace; with
   * {@code minKm} NaN, of any citizen (home known or not). For a retrieval that groups homes into
   * map cells and bounds their distance from below.
   */
  public double distanceValueBound(double minKm) {
    if (Double.isNaN(minKm)) {
      return maxDistanceValue();
    }
    if (Double.isNaN(workLat)) {
      return policy.unknownDistanceCredit();
    }
    return FeatureScorer.distanceValueAtKm(this, Math.max(0, minKm));
  }

  /** The largest distance value any citizen can have: 1 at the workplace, or the unknown-distance credit. */
  private double maxDistanceValue() {
    return Math.max(1.0, policy.unknownDistanceCredit());
  }

  // ------------------------------------------------------------ bounds for the retrieval

  /**
   * An upper bound of what one held skill with credit {@code credit} for required skill {@code j}
   * (1 for the skill itself, the related-skill credit from {@link #expansions} otherwise) can add
   * to the score: the skills component is {@code w·min(1, Σⱼ wⱼ·bestⱼ)} with {@code bestⱼ} the
   * best credit times freshness, so summing this over the required skills, taking for each the
   * best credit the citizen holds, never falls below it.
   */
  public double skillBound(int j, double credit) {
    return policy.weight(Component.SKILLS) * requiredWeight[j] * credit * FeatureScorer.maxFreshness(policy);
  }

  /**
   * The hierarchy terms of an occupation code, as the retrieval indexes them: every level of the
   * ISCO/DISCO digits from the major group down ({@link OccupationCode#levels()}), then the ESCO
   * URI if any. A citizen's code that shares a prefix of some level with the order's code holds
   * the term of that level and of every shallower one.
   */
  public static List<String> hierarchyTerms(OccupationCode code) {
    if (code == null) {
      return List.of();
    }
    List<String> levels = code.levels();
    if (code.escoUri() == null) {
      return levels;
    }
    List<String> out = new ArrayList<>(levels.size() + 1);
    out.addAll(levels);
    out.add(code.escoUri());
    return out;
  }

  /**
   * Upper bounds of the occupation (or goal) contribution, parallel to {@link
   * #hierarchyTerms(OccupationCode) hierarchyTerms(occupation)}: entry {@code i} bounds what a
   * citizen can earn whose deepest term shared with the order's is term {@code i} (for the ESCO
   * URI: the same occupation). The bounds never decrease with depth (a cumulative maximum), so a
   * citizen counted at its deepest shared term is never under-counted. Empty without an
   * occupation or with weight 0.
   *
   * @param component {@link Component#OCCUPATION} or {@link Component#GOAL}
   * @throws IllegalArgumentException for another component
   */
  public double[] hierarchyBounds(Component component) {
    double factor = switch (component) {
      case OCCUPATION -> FeatureScorer.maxExperienceFactor(policy);
      case GOAL -> FeatureScorer.maxPriorityFactor(policy);
      default -> throw new IllegalArgumentException("component: must be OCCUPATION or GOAL");
    };
    double weight = policy.weight(component) * factor;
    List<String> terms = hierarchyTerms(occupation);
    if (occupation == null || weight <= 0) {
      return new double[0];
    }
    double[] out = new double[terms.size()];
    List<String> levels = occupation.levels();
    double running = 0;
    for (int i = 0; i < levels.size(); i++) {
      // Shared prefixes from this level's length up to the next level's, exclusive; the full code: 1.
      double best;
      if (i == levels.size() - 1) {
        best = 1.0;
      } else {
        best = 0;
        for (int prefix = levels.get(i).length(); prefix < levels.get(i + 1).length(); prefix++) {
          best = Math.max(best, FeatureScorer.levelCredit(policy, prefix));
        }
      }
      running = Math.max(running, weight * best);
      out[i] = running;
    }
    if (occupation.escoUri() != null) {
      out[terms.size() - 1] = Math.max(running, weight);
    }
    return out;
  }

  /**
   * Upper bound of the non-term part (education, distance, inclusion, shortage) of one citizen
   * with these primitives: {@link FeatureScorer#nonTermScore} itself.
   */
  public double nonTermBound(int educationLevel, double lat, double lon, int flags) {
    return FeatureScorer.nonTermScore(this, educationLevel, lat, lon, flags);
  }

  /**
   * {@link #nonTermBound(int, double, double, int)} with the citizen's {@link
   * FeatureScorer#distanceValue distance value} already computed: the same value.
   */
  public double nonTermBoundAt(int educationLevel, double distanceValue, int flags) {
    return nonTermSum(FeatureScorer.educationValue(this, educationLevel), distanceValue,
        FeatureScorer.inclusionValue(this, flags));
  }

  /**
   * Upper bound of the non-term part for a citizen with this education level and these flags,
   * whatever the distance: {@link #nonTermBound(int, double, double, int)} with the distance
   * value replaced by its maximum. Cheaper (no trigonometry), for a first cut.
   */
  public double nonTermBound(int educationLevel, int flags) {
    return nonTermBoundAt(educationLevel, distanceValueBound(Double.NaN), flags);
  }

  // ------------------------------------------------------------ comparing two compilations

  /** How two compilations of an order differ, as far as scoring is concerned. */
  public enum Difference {
    /** Every field that scoring reads is equal: every citizen scores the same under both. */
    NONE,
    /**
     * Only the required skills' weights differ (skill rarity moved), every weight above 0 in
     * both: scores move by at most {@link #scoreChangeBound(CompiledOrder)}, and no gate or
     * qualification changes.
     */
    SKILL_WEIGHTS,
    /**
     * Only the required skills' weights differ, but a weight is 0 in one of the two: who has
     * skill credit, and so who qualifies, may change; no bound is given.
     */
    SKILL_WEIGHTS_THROUGH_ZERO,
    /** Anything else (the order, the policy, the day's year, shortage, ...). */
    RULES
  }

  /**
   * How this compilation differs from {@code other}, derived from every field scoring reads: the
   * order, the policy, the year, the resolved occupation, the required skills (ids, essential
   * flags, weights, expansions, credits), the gates' primitives, the shortage category and value
   * and the vocabularies.
   *
   * @throws NullPointerException if {@code other} is null
   */
  public Difference difference(CompiledOrder other) {
    boolean same = order.equals(other.order) && policy.equals(other.policy) && asOfYear == other.asOfYear
        && java.util.Objects.equals(occupation, other.occupation) && derivedRequirements == other.derivedRequirements
        && Arrays.equals(requiredIds, other.requiredIds) && Arrays.equals(essential, other.essential)
        && expansions.equals(other.expansions) && sameCredits(other)
        && minEducation == other.minEducation && shortage == other.shortage
        && Double.compare(shortageValue, other.shortageValue) == 0
        && Double.compare(workLat, other.workLat) == 0 && Double.compare(workLon, other.workLon) == 0
        && hoursMin == other.hoursMin && hoursMax == other.hoursMax
        && Arrays.equals(certificates, other.certificates) && Arrays.equals(languages, other.languages)
        && Arrays.equals(languageLevels, other.languageLevels) && startDay == other.startDay && type == other.type
        && fleksjobFeasible == other.fleksjobFeasible && publicEmployer == other.publicEmployer
        && disabilityFriendly == other.disabilityFriendly && skillNames == other.skillNames
        && vocabularies == other.vocabularies;
    if (!same) {
      return Difference.RULES;
    }
    if (Arrays.equals(requiredWeight, other.requiredWeight)) {
      return Difference.NONE;
    }
    for (int j = 0; j < requiredWeight.length; j++) {
      if (!(requiredWeight[j] > 0) || !(other.requiredWeight[j] > 0)) {
        return Difference.SKILL_WEIGHTS_THROUGH_ZERO;
      }
    }
    return Difference.SKILL_WEIGHTS;
  }

  private boolean sameCredits(CompiledOrder other) {
    if (credits.size() != other.credits.size()) {
      return false;
    }
    boolean[] same = {true};
    credits.forEachKeyValue((held, c) -> {
      SkillCredit d = other.credits.get(held);
      same[0] &= d != null && Arrays.equals(c.req(), d.req()) && Arrays.equals(c.credit(), d.credit());
    });
    return same[0];
  }

  /**
   * How far any citizen's score can move between {@code other} and this compilation: 0 when
   * they do not {@linkplain #difference differ}; for {@link Difference#SKILL_WEIGHTS}, the sum
   * over the required skills of the change of their {@linkplain #skillBound skill bound} at full
   * credit — the skills component {@code w·min(1, Σⱼ wⱼ·bestⱼ)} with {@code bestⱼ} at most
   * {@link FeatureScorer#maxFreshness} moves by at most that, the same bound the retrieval prunes
   * with; otherwise positive infinity (rank afresh).
   *
   * @throws NullPointerException if {@code other} is null
   */
  public double scoreChangeBound(CompiledOrder other) {
    return switch (difference(other)) {
      case NONE -> 0;
      case SKILL_WEIGHTS -> {
        double sum = 0;
        for (int j = 0; j < requiredWeight.length; j++) {
          sum += Math.abs(skillBound(j, 1) - other.skillBound(j, 1));
        }
        yield sum;
      }
      case SKILL_WEIGHTS_THROUGH_ZERO, RULES -> Double.POSITIVE_INFINITY;
    };
  }

  @Override
  public String toString() {
    return "CompiledOrder[" + order.id() + ", skills=" + Arrays.toString(requiredIds) + "]";
  }
}
