package dk.jobmatch.bench;

import dk.jobmatch.kernel.CitizenFeatures;
import dk.jobmatch.kernel.CompiledOrder;
import dk.jobmatch.kernel.FeatureScorer;
import dk.jobmatch.kernel.PreparedPopulation;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.ScoringPolicy;
import dk.jobmatch.taxonomy.OccupationCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The physical-limit peer: what a careful engineer writes without an index. Every citizen's
 * features are precomputed once into flat primitive arrays (no object per citizen: skills,
 * certificates and languages as one array each with offsets; occupation codes as shared
 * references), and each ranking scans all of them, checking the gates first and computing the
 * exact score of the formula (the kernel's own helpers for freshness, hierarchy similarity,
 * experience, priority, education, distance and inclusion) for every citizen that passes, into a
 * top-k heap. Its results are checked against the engine's in the benchmark set-up, ids and
 * scores, so a drift from the kernel's formula fails the run instead of measuring something else.
 *
 * <p>Immutable after construction; searching is thread-safe.
 */
final class ScanPeer {
  private static final Component[] COMPONENTS = Component.values();

  private final Function<JobOrder, CompiledOrder> compiler;
  private final int n;
  private final String[] ids;
  private final int[] skillStart;
  private final int[] skills;
  private final short[] skillLastUsed;
  private final int[] expStart;
  private final OccupationCode[] expCode;
  private final float[] expYears;
  private final short[] expLastYear;
  private final int[] goalStart;
  private final OccupationCode[] goalCode;
  private final byte[] goalPriority;
  private final int[] certStart;
  private final int[] certs;
  private final int[] langStart;
  private final int[] langs;
  private final byte[] langLevels;
  private final int[] flags;
  private final byte[] education;
  private final double[] lat;
  private final double[] lon;
  private final double[] maxCommute;
  private final byte[] hoursMin;
  private final byte[] hoursMax;
  private final byte[] fleksHours;
  private final int[] availableFrom;

  /**
   * @param population the prepared population (its features are copied into flat arrays)
   * @param compiler compiles an order against the same population
   */
  ScanPeer(PreparedPopulation population, Function<JobOrder, CompiledOrder> compiler) {
    this.compiler = compiler;
    List<CitizenFeatures> fs = population.features();
    n = fs.size();
    ids = new String[n];
    skillStart = new int[n + 1];
    expStart = new int[n + 1];
    goalStart = new int[n + 1];
    certStart = new int[n + 1];
    langStart = new int[n + 1];
    flags = new int[n];
    education = new byte[n];
    lat = new double[n];
    lon = new double[n];
    maxCommute = new double[n];
    hoursMin = new byte[n];
    hoursMax = new byte[n];
    fleksHours = new byte[n];
    availableFrom = new int[n];
    for (int i = 0; i < n; i++) {
      CitizenFeatures f = fs.get(i);
      skillStart[i + 1] = skillStart[i] + f.skills.length;
      expStart[i + 1] = expStart[i] + f.experience.length;
      goalStart[i + 1] = goalStart[i] + f.goals.length;
      certStart[i + 1] = certStart[i] + f.certificates.length;
      langStart[i + 1] = langStart[i] + f.languages.length;
    }
    skills = new int[skillStart[n]];
    skillLastUsed = new short[skillStart[n]];
    expCode = new OccupationCode[expStart[n]];
    expYears = new float[expStart[n]];
    expLastYear = new short[expStart[n]];
    goalCode = new OccupationCode[goalStart[n]];
    goalPriority = new byte[goalStart[n]];
    certs = new int[certStart[n]];
    langs = new int[langStart[n]];
    langLevels = new byte[langStart[n]];
    for (int i = 0; i < n; i++) {
      CitizenFeatures f = fs.get(i);
      ids[i] = f.id;
      System.arraycopy(f.skills, 0, skills, skillStart[i], f.skills.length);
      System.arraycopy(f.skillLastUsed, 0, skillLastUsed, skillStart[i], f.skills.length);
      System.arraycopy(f.experience, 0, expCode, expStart[i], f.experience.length);
      System.arraycopy(f.experienceYears, 0, expYears, expStart[i], f.experience.length);
      System.arraycopy(f.experienceLastYear, 0, expLastYear, expStart[i], f.experience.length);
      System.arraycopy(f.goals, 0, goalCode, goalStart[i], f.goals.length);
      System.arraycopy(f.goalPriority, 0, goalPriority, goalStart[i], f.goals.length);
      System.arraycopy(f.certificates, 0, certs, certStart[i], f.certificates.length);
      System.arraycopy(f.languages, 0, langs, langStart[i], f.languages.length);
      System.arraycopy(f.languageLevels, 0, langLevels, langStart[i], f.languages.length);
      flags[i] = f.flags;
      education[i] = f.educationLevel;
      lat[i] = f.lat;
      lon[i] = f.lon;
      maxCommute[i] = f.maxCommuteKm;
      hoursMin[i] = f.hoursMin;
      hoursMax[i] = f.hoursMax;
      fleksHours[i] = f.fleksjobHours;
      availableFrom[i] = f.availableFromDay;
    }
  }

  /** A scored citizen. */
  record Hit(String id, double score) {}

  /** The exact top {@code k} (score &gt; 0, ties by id), best first. */
  List<Hit> search(JobOrder order, int k) {
    CompiledOrder o = compiler.apply(order);
    ScoringPolicy p = o.policy;
    double[] w = new double[COMPONENTS.length];
    for (int c = 0; c < w.length; c++) {
      w[c] = p.weight(COMPONENTS[c]);
    }
    // Per vocabulary skill: the required skills it credits, flattened.
    int vocab = o.skillNames.size();
    int[] creditStart = new int[vocab + 1];
    o.credits.forEachKeyValue((held, sc) -> {
      if (held < vocab) {
        creditStart[held + 1] = sc.req().length;
      }
    });
    for (int i = 0; i < vocab; i++) {
      creditStart[i + 1] += creditStart[i];
    }
    int[] creditReq = new int[creditStart[vocab]];
    double[] creditValue = new double[creditStart[vocab]];
    o.credits.forEachKeyValue((held, sc) -> {
      if (held < vocab) {
        System.arraycopy(sc.req(), 0, creditReq, creditStart[held], sc.req().length);
        System.arraycopy(sc.credit(), 0, creditValue, creditStart[held], sc.req().length);
      }
    });
    double[] best = new double[o.requiredIds.length];
    double[] values = new double[COMPONENTS.length];
    boolean[] flagOk = new boolean[256];
    for (int f = 0; f < 256; f++) {
      flagOk[f] = FeatureScorer.passesFlagGates(o, f);
    }
    double[] topScore = new double[k + 1];
    int[] topIdx = new int[k + 1];
    int size = 0;
    for (int i = 0; i < n; i++) {
      if (!flagOk[flags[i] & 0xFF] || !hoursFit(o, i) || !certificatesFit(o, i) || !languagesFit(o, i)
          || (!p.relaxed(Gate.AVAILABILITY) && availableFrom[i] != Integer.MIN_VALUE && availableFrom[i] > o.startDay)
          || !FeatureScorer.passesCommute(o, lat[i], lon[i], maxCommute[i])) {
        continue;
      }
      // Skills.
      if (best.length > 0) {
        Arrays.fill(best, 0);
        for (int s = skillStart[i]; s < skillStart[i + 1]; s++) {
          int id = skills[s];
          if (id >= vocab || creditStart[id] == creditStart[id + 1]) {
            continue;
          }
          double fresh = FeatureScorer.freshness(p, o.asOfYear, skillLastUsed[s]);
          for (int c = creditStart[id]; c < creditStart[id + 1]; c++) {
            double credit = creditValue[c] * fresh;
            if (credit > best[creditReq[c]]) {
              best[creditReq[c]] = credit;
            }
          }
        }
        double sum = 0;
        for (int j = 0; j < best.length; j++) {
          sum += o.requiredWeight[j] * best[j];
        }
        values[0] = Math.min(1.0, sum);
      } else {
        values[0] = 0;
      }
      double occ = 0;
      for (int e = expStart[i]; e < expStart[i + 1]; e++) {
        double sim = FeatureScorer.similarity(p, o.occupation, expCode[e]);
        if (sim > 0) {
          occ = Math.max(occ, sim * FeatureScorer.experienceFactor(p, o.asOfYear, expYears[e], expLastYear[e]));
        }
      }
      values[1] = occ;
      double goal = 0;
      for (int g = goalStart[i]; g < goalStart[i + 1]; g++) {
        double sim = FeatureScorer.similarity(p, o.occupation, goalCode[g]);
        if (sim > 0) {
          goal = Math.max(goal, sim * FeatureScorer.priorityFactor(p, goalPriority[g]));
        }
      }
      values[2] = goal;
      values[3] = FeatureScorer.educationValue(o, education[i]);
      values[4] = FeatureScorer.distanceValue(o, lat[i], lon[i]);
      values[5] = FeatureScorer.inclusionValue(o, flags[i]);
      values[6] = o.shortageValue;
      double score = 0;
      for (int c = 0; c < values.length; c++) {
        score += w[c] * values[c];
      }
      if (score <= 0) {
        continue;
      }
      // Insertion into a small sorted array (k is 20): best first, ties by id.
      if (size == k && !better(score, i, topScore[k - 1], topIdx[k - 1])) {
        continue;
      }
      int pos = size == k ? k - 1 : size++;
      while (pos > 0 && better(score, i, topScore[pos - 1], topIdx[pos - 1])) {
        topScore[pos] = topScore[pos - 1];
        topIdx[pos] = topIdx[pos - 1];
        pos--;
      }
      topScore[pos] = score;
      topIdx[pos] = i;
    }
    List<Hit> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(new Hit(ids[topIdx[i]], topScore[i]));
    }
    return out;
  }

  private boolean better(double s, int i, double t, int j) {
    return s > t || (s == t && ids[i].compareTo(ids[j]) < 0);
  }

  private boolean hoursFit(CompiledOrder o, int i) {
    if (o.policy.relaxed(Gate.HOURS)) {
      return true;
    }
    boolean fleks = (flags[i] & CitizenFeatures.FLEKSJOB) != 0;
    if (fleks && o.fleksjobFeasible) {
      return o.type != EmploymentType.FLEKSJOB || o.hoursMin < 0 || o.hoursMin <= fleksHours[i];
    }
    if (hoursMin[i] < 0 || o.hoursMin < 0) {
      return true;
    }
    return hoursMin[i] <= o.hoursMax && o.hoursMin <= hoursMax[i];
  }

  private boolean certificatesFit(CompiledOrder o, int i) {
    if (o.certificates.length == 0 || o.policy.relaxed(Gate.CERTIFICATES)) {
      return true;
    }
    int h = certStart[i];
    for (int r : o.certificates) {
      while (h < certStart[i + 1] && certs[h] < r) {
        h++;
      }
      if (h == certStart[i + 1] || certs[h] != r) {
        return false;
      }
    }
    return true;
  }

  private boolean languagesFit(CompiledOrder o, int i) {
    if (o.languages.length == 0 || o.policy.relaxed(Gate.LANGUAGES)) {
      return true;
    }
    outer:
    for (int r = 0; r < o.languages.length; r++) {
      for (int l = langStart[i]; l < langStart[i + 1]; l++) {
        if (langs[l] == o.languages[r]) {
          if (langLevels[l] >= o.languageLevels[r]) {
            continue outer;
          }
          return false;
        }
      }
      return false;
    }
    return true;
  }
}
