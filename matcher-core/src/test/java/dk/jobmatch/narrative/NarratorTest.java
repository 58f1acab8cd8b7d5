package dk.jobmatch.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.scoring.Component;
import dk.jobmatch.scoring.ComponentScore;
import dk.jobmatch.scoring.Explanation;
import dk.jobmatch.scoring.Flag;
import dk.jobmatch.scoring.Gate;
import dk.jobmatch.scoring.GateCheck;
import dk.jobmatch.scoring.Match;
import dk.jobmatch.scoring.OrderClosed;
import dk.jobmatch.scoring.PairExplanation;
import dk.jobmatch.taxonomy.OccupationCode;
import dk.jobmatch.taxonomy.ReuseLevel;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The narrator against sentences written by hand: one test per gate and per flag, in Danish and
 * English, the headlines, the place and the gap, and the order of the reasons.
 */
class NarratorTest {
  static final String DISHES = "http://data.europa.eu/esco/skill/dishes";
  static final String CABLE = "http://data.europa.eu/esco/skill/cable";
  static final String KNIFE = "http://data.europa.eu/esco/skill/knife";
  static final String HYGIENE = "http://data.europa.eu/esco/skill/hygiene";

  /** A taxonomy that knows four skill labels and one occupation label. */
  static final Taxonomy LABELLED = new Taxonomy() {
    final Map<String, String> skills = Map.of(DISHES, "wash the dishes", CABLE, "splice cable", KNIFE, "use knives",
        HYGIENE, "food hygiene");

    @Override public OccupationCode resolve(OccupationRef ref) {
      return Taxonomy.none().resolve(ref);
    }
    @Override public Map<String, Double> relatedSkills(String skillId) {
      return Map.of();
    }
    @Override public Optional<ReuseLevel> reuseLevel(String skillId) {
      return Optional.empty();
    }
    @Override public List<RequiredSkill> skillsOf(OccupationRef occupation) {
      return List.of();
    }
    @Override public Optional<String> skillLabel(String skillId) {
      return Optional.ofNullable(skills.get(skillId));
    }
    @Override public Optional<String> occupationLabel(OccupationRef occupation) {
      return occupation.equals(OccupationRef.isco("9412")) ? Optional.of("Køkkenmedhjælpere") : Optional.empty();
    }
  };

  static final Narrator DA = Narrator.of(LABELLED, "da");
  static final Narrator EN = Narrator.of(LABELLED, "en");

  // ------------------------------------------------------------------ building explanations

  /** Every gate passing, with {@code failing} replaced. */
  static List<GateCheck> gates(GateCheck... failing) {
    List<GateCheck> out = new ArrayList<>();
    for (Gate g : Gate.values()) {
      GateCheck put = new GateCheck(g, true, false, Map.of());
      for (GateCheck f : failing) {
        if (f.gate() == g) {
          put = f;
        }
      }
      out.add(put);
    }
    return out;
  }

  static GateCheck fail(Gate g, Object... namesAndValues) {
    return check(g, false, namesAndValues);
  }

  static GateCheck check(Gate g, boolean passed, Object... namesAndValues) {
    Map<String, Object> v = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      v.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return new GateCheck(g, passed, false, v);
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static PairExplanation notEligible(GateCheck... failing) {
    return new PairExplanation("c-7", "jo-1", gates(failing), Optional.empty(), 10, 0, 0, OptionalDouble.empty());
  }

  /** The one sentence said for a single failing gate. */
  static String said(Narrator n, GateCheck failing) {
    Narration x = n.explain(notEligible(failing), null);
    assertEquals(1, x.sentences().size(), x.sentences().toString());
    return x.sentences().get(0);
  }

  static Explanation explanation(Map<Component, Double> values, List<String> matched, List<String> missing,
      List<String> missingEssential, Set<Flag> flags, Map<String, String> via) {
    Map<Component, ComponentScore> c = new EnumMap<>(Component.class);
    double w = 1.0 / Component.values().length;
    for (Component comp : Component.values()) {
      double v = values.getOrDefault(comp, 0.0);
      c.put(comp, new ComponentScore(v, w, v * w));
    }
    return new Explanation(c, matched, missing, missingEssential, flags, via);
  }

  static Match match(double score, Explanation x) {
    return new Match("c-7", "jo-1", score, x);
  }

  static Match plainMatch(double score, Set<Flag> flags) {
    return match(score, explanation(Map.of(), List.of(), List.of(), List.of(), flags, Map.of()));
  }

  // ------------------------------------------------------------------ gates

  @Test
  void searchable() {
    GateCheck g = fail(Gate.SEARCHABLE, "searchable", false);
    assertEquals("Du står ikke som aktivt jobsøgende lige nu, så du kan ikke foreslås til job. "
        + "Tal med din sagsbehandler, hvis det skal ændres.", said(DA, g));
    assertEquals("You are not registered as actively looking for work at the moment, so you cannot be proposed for jobs. "
        + "Talk to your caseworker if that should change.", said(EN, g));
  }

  @Test
  void commuteInWholeKilometres() {
    GateCheck g = fail(Gate.COMMUTE, "distanceKm", 43.2, "maxCommuteKm", 30.0);
    assertEquals("Jobbet ligger 43 km fra din bopæl; du har angivet højst 30 km. "
        + "Hvis du kan tage 43 km til arbejde, opfylder du kravet.", said(DA, g));
    assertEquals("The job is 43 km from your home; you have said at most 30 km. "
        + "If you can travel 43 km to work, you meet this requirement.", said(EN, g));
  }

  @Test
  void commuteKeepsTheDecimalThatDecides() {
    // 30.4 km rounds to 30, which would read as within a 30 km limit.
    GateCheck g = fail(Gate.COMMUTE, "distanceKm", 30.4, "maxCommuteKm", 30.0);
    assertEquals("Jobbet ligger 30,4 km fra din bopæl; du har angivet højst 30 km. "
        + "Hvis du kan tage 30,4 km til arbejde, opfylder du kravet.", said(DA, g));
    assertEquals("The job is 30.4 km from your home; you have said at most 30 km. "
        + "If you can travel 30.4 km to work, you meet this requirement.", said(EN, g));
    GateCheck half = fail(Gate.COMMUTE, "distanceKm", 12.6, "maxCommuteKm", 7.5);
    assertEquals("Jobbet ligger 13 km fra din bopæl; du har angivet højst 7,5 km. "
        + "Hvis du kan tage 13 km til arbejde, opfylder du kravet.", said(DA, half));
  }

  @Test
  void hours() {
    GateCheck g = fail(Gate.HOURS, "orderHoursPerWeek", map("min", 37, "max", 37), "citizenHoursPerWeek", map("min", 15, "max", 25));
    assertEquals("Jobbet er på 37 timer om ugen; du har angivet 15–25 timer. "
        + "Hvis du kan arbejde 37 timer, opfylder du kravet.", said(DA, g));
    assertEquals("The job is 37 hours a week; you have said 15–25 hours. "
        + "If you can work 37 hours, you meet this requirement.", said(EN, g));
  }

  @Test
  void hoursOfAFleksjob() {
    GateCheck g = fail(Gate.HOURS, "orderHoursPerWeek", map("min", 20, "max", 25), "citizenHoursPerWeek", null,
        "fleksjobMaxHoursPerWeek", 12);
    assertEquals("Jobbet er et fleksjob på mindst 20 timer om ugen; du er visiteret til højst 12 timer. "
        + "Et fleksjob med færre timer vil passe til dig.", said(DA, g));
    assertEquals("The job is a flexi-job (fleksjob) of at least 20 hours a week; you are approved for at most 12 hours. "
        + "A flexi-job with fewer hours will suit you.", said(EN, g));
  }

  @Test
  void fleksjobNotAccepted() {
    GateCheck g = fail(Gate.FLEKSJOB, "fleksjobApproved", true, "fleksjobMaxHoursPerWeek", 15, "employmentType", "ORDINARY",
        "acceptsFleksjob", false);
    assertEquals("Du er visiteret til fleksjob, men arbejdsgiveren har ikke åbnet dette job for fleksjob. "
        + "Hvis arbejdsgiveren vil ansætte i fleksjob, kan du blive foreslået.", said(DA, g));
    assertEquals("You are approved for a flexi-job (fleksjob), but the employer has not opened this job to flexi-jobs. "
        + "If the employer will hire on flexi-job terms, you can be proposed.", said(EN, g));
  }

  @Test
  void fleksjobOnlyForApproved() {
    GateCheck g = fail(Gate.FLEKSJOB, "fleksjobApproved", false, "employmentType", "FLEKSJOB", "acceptsFleksjob", true);
    assertEquals("Jobbet er et fleksjob, og det kan kun besættes af en, der er visiteret til fleksjob. Det er du ikke.", said(DA, g));
    assertEquals("The job is a flexi-job (fleksjob), and only someone approved for a flexi-job can fill it. You are not approved.",
        said(EN, g));
  }

  @Test
  void certificates() {
    GateCheck one = fail(Gate.CERTIFICATES, "requiredCertificates", List.of("DRIVING_B", "DRIVING_C"),
        "missingCertificates", List.of("DRIVING_C"));
    assertEquals("Du mangler kørekort kategori C (lastbil), som arbejdsgiveren kræver. Når du har det, opfylder du kravet.",
        said(DA, one));
    assertEquals("You do not have driving licence category C (lorry), which the employer requires. "
        + "Once you have it, you meet this requirement.", said(EN, one));
    GateCheck two = fail(Gate.CERTIFICATES, "requiredCertificates", List.of("DRIVING_C", "FORKLIFT", "ZQCERT"),
        "missingCertificates", List.of("DRIVING_C", "FORKLIFT", "ZQCERT"));
    assertEquals("Du mangler kørekort kategori C (lastbil), truckcertifikat og ZQCERT, som arbejdsgiveren kræver. "
        + "Når du har dem, opfylder du kravet.", said(DA, two));
    assertEquals("You do not have driving licence category C (lorry), forklift certificate and ZQCERT, which the employer "
        + "requires. Once you have them, you meet this requirement.", said(EN, two));
  }

  @Test
  void languages() {
    GateCheck g = fail(Gate.LANGUAGES, "requiredLanguages", List.of(map("code", "da", "minLevel", "B2"), map("code", "en", "minLevel", "B1")),
        "unmetLanguages", List.of(map("code", "da", "level", "B1", "minLevel", "B2"), map("code", "en", "level", null, "minLevel", "B1")));
    assertEquals("Arbejdsgiveren kræver dansk på mindst niveau B2 (du har B1) og engelsk på mindst niveau B1 "
        + "(det er ikke angivet, at du taler engelsk). Når dit sprogniveau er højt nok, opfylder du kravet.", said(DA, g));
    assertEquals("The employer requires Danish at level B2 or above (you have B1) and English at level B1 or above "
        + "(it is not recorded that you speak English). Once your language level is high enough, you meet this requirement.",
        said(EN, g));
  }

  @Test
  void availability() {
    GateCheck g = fail(Gate.AVAILABILITY, "availableFrom", LocalDate.of(2027, 1, 15), "startDate", LocalDate.of(2026, 12, 1));
    assertEquals("Jobbet starter 1. december 2026, men du kan først starte 15. januar 2027. "
        + "Hvis du kan starte senest 1. december 2026, opfylder du kravet.", said(DA, g));
    assertEquals("The job starts on December 1, 2026, but you can only start on January 15, 2027. "
        + "If you can start by December 1, 2026, you meet this requirement.", said(EN, g));
  }

  @Test
  void employmentType() {
    GateCheck g = fail(Gate.EMPLOYMENT_TYPE, "employmentType", "APPRENTICESHIP", "jobReady", false, "fleksjobApproved", false,
        "acceptsFleksjob", false);
    assertEquals("Jobbet er en læreplads, og det kræver, at du er jobparat. Du er i dag vurderet ikke-jobparat; "
        + "job med løntilskud og virksomhedspraktik er stadig åbne for dig.", said(DA, g));
    assertEquals("The job is an apprenticeship, and it requires that you are ready for work. You are currently assessed as "
        + "not ready for work; jobs with a wage subsidy and work placements are still open to you.", said(EN, g));
    GateCheck fleks = fail(Gate.EMPLOYMENT_TYPE, "employmentType", "FLEKSJOB", "jobReady", true, "fleksjobApproved", false,
        "acceptsFleksjob", true);
    assertEquals("Jobbet er et fleksjob, og det kræver, at du er visiteret til fleksjob.", said(DA, fleks));
    assertEquals("The job is a flexi-job (fleksjob), and it requires that you are approved for a flexi-job.", said(EN, fleks));
  }

  @Test
  void everyGateHasItsOwnSentence() {
    // A gate the narrator has no words for would fall back to the generic sentence.
    for (Gate g : Gate.values()) {
      for (Narrator n : List.of(DA, EN)) {
        assertTrue(n.templates().has("gate." + g.name()) || n.templates().has("gate." + g.name() + ".notAccepted"),
            n.locale() + ": no sentence for gate " + g);
        assertTrue(n.templates().has("row." + g.name()), n.locale() + ": no table row for gate " + g);
      }
    }
  }

  @Test
  void headlineCountsTheFailedGatesAndEachGetsASentence() {
    PairExplanation e = notEligible(fail(Gate.SEARCHABLE, "searchable", false),
        fail(Gate.COMMUTE, "distanceKm", 43.2, "maxCommuteKm", 30.0));
    Narration da = DA.explain(e, null);
    assertEquals("Nej – du kan ikke foreslås til dette job, fordi 2 krav ikke er opfyldt.", da.headline());
    assertEquals(2, da.sentences().size());
    assertEquals("Borger c-7 og job jo-1", da.subject());
    assertEquals("No – you cannot be proposed for this job because 2 requirements are not met.", EN.explain(e, null).headline());
    PairExplanation one = notEligible(fail(Gate.SEARCHABLE, "searchable", false));
    assertEquals("Nej – du kan ikke foreslås til dette job, fordi et krav ikke er opfyldt.", DA.explain(one, null).headline());
    assertEquals("No – you cannot be proposed for this job because one requirement is not met.", EN.explain(one, null).headline());
  }

  @Test
  void orderClosed() {
    PairExplanation e = new PairExplanation("c-7", "jo-1", gates(), Optional.empty(), 10, 0, 0, OptionalDouble.empty(),
        Optional.of(new OrderClosed(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1))));
    Narration da = DA.explain(e, null);
    assertEquals("Nej – jobbet er lukket for nye kandidater, så ingen kan foreslås til det.", da.headline());
    assertEquals(List.of("Ansøgningsfristen var 31. oktober 2026, og vurderingen er lavet 1. november 2026. "
        + "Spørg din sagsbehandler om lignende job, der stadig er åbne."), da.sentences());
    Narration en = EN.explain(e, null);
    assertEquals("No – the job is closed to new candidates, so no one can be proposed for it.", en.headline());
    assertEquals(List.of("The application deadline was October 31, 2026, and the assessment was made on November 1, 2026. "
        + "Ask your caseworker about similar jobs that are still open."), en.sentences());
    // A gate that failed as well is said after it.
    PairExplanation both = new PairExplanation("c-7", "jo-1", gates(fail(Gate.SEARCHABLE, "searchable", false)),
        Optional.empty(), 10, 0, 0, OptionalDouble.empty(),
        Optional.of(new OrderClosed(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 1))));
    assertEquals(2, DA.explain(both, null).sentences().size());
    assertTrue(DA.explain(both, null).sentences().get(1).startsWith("Du står ikke som aktivt jobsøgende"));
  }

  // ------------------------------------------------------------------ eligible: place and gap

  static PairExplanation eligible(Match m, int rank, int k, double gap, Double kth) {
    return new PairExplanation("c-7", "jo-1", gates(), Optional.of(m), k, rank, gap,
        kth == null ? OptionalDouble.empty() : OptionalDouble.of(kth));
  }

  @Test
  void shortlisted() {
    PairExplanation e = eligible(plainMatch(0.8771, Set.of()), 2, 10, 0, 0.61);
    assertEquals("Ja – du er blandt de 10 bedst egnede til dette job (nr. 2).", DA.explain(e, null).headline());
    assertEquals("Yes – you are among the 10 best suited candidates for this job (number 2).", EN.explain(e, null).headline());
    assertEquals(List.of("Din samlede vurdering er 88 af 100 point."), DA.explain(e, null).sentences());
    assertEquals(List.of("Your overall assessment is 88 of 100 points."), EN.explain(e, null).sentences());
  }

  @Test
  void outsideTheListByAFewPoints() {
    PairExplanation e = eligible(plainMatch(0.6449, Set.of()), 14, 10, 0.0363, 0.6812);
    Narration da = DA.explain(e, null);
    assertEquals("Du opfylder alle krav, men du er ikke blandt de 10 bedst egnede til dette job (du er nr. 14).", da.headline());
    assertEquals(List.of("Din samlede vurdering er 64 af 100 point.",
        "Du ligger tæt på listen: du har 64 af 100 point, og nr. 10 har 68, så du mangler 4 point."), da.sentences());
    assertEquals(List.of("Your overall assessment is 64 of 100 points.",
        "You are close to the list: you have 64 of 100 points, and number 10 has 68, so you lack 4 points."),
        EN.explain(e, null).sentences());
  }

  @Test
  void farAndSomeWayAndUnderOnePointAndTie() {
    assertEquals("Du ligger langt fra listen: du har 30 af 100 point, og nr. 10 har 68, så du mangler 38 point.",
        DA.explain(eligible(plainMatch(0.30, Set.of()), 40, 10, 0.38, 0.68), null).sentences().get(1));
    assertEquals("You are some way from the list: you have 58 of 100 points, and number 3 has 68, so you lack 10 points.",
        EN.explain(eligible(plainMatch(0.58, Set.of()), 5, 3, 0.10, 0.68), null).sentences().get(1));
    assertEquals("Du ligger tæt på listen: du har 67 af 100 point, og nr. 1 har 68, så du mangler 1 point.",
        DA.explain(eligible(plainMatch(0.674, Set.of()), 2, 1, 0.007, 0.681), null).sentences().get(1));
    assertEquals("Ja – du er blandt den bedst egnede til dette job (nr. 1).",
        DA.explain(eligible(plainMatch(0.9, Set.of()), 1, 1, 0, 0.9), null).headline());
    // 0.676 and 0.684 both round to 68: the gap is under a point.
    assertEquals("Du ligger meget tæt på listen: du har 68 af 100 point ligesom nr. 10; forskellen er under ét point.",
        DA.explain(eligible(plainMatch(0.676, Set.of()), 11, 10, 0.008, 0.684), null).sentences().get(1));
    assertEquals("You have as many points as number 10 (68 of 100), but on equal points another candidate came first.",
        EN.explain(eligible(plainMatch(0.68, Set.of()), 11, 10, 0, 0.68), null).sentences().get(1));
  }

  @Test
  void fortrinsadgangBeyondTheList() {
    PairExplanation e = eligible(plainMatch(0.5, EnumSet.of(Flag.FORTRINSADGANG)), 12, 10, 0.1, 0.6);
    assertEquals("Ja – du er med på listen, fordi du har fortrinsadgang og arbejdsgiveren er offentlig "
        + "(efter point er du nr. 12; listen har 10 pladser).", DA.explain(e, null).headline());
    assertEquals("Yes – you are on the list because you have preferential access (fortrinsadgang) and the employer is "
        + "public (by points you are number 12; the list has 10 places).", EN.explain(e, null).headline());
    // On the list by right: no "you lack n points" after it.
    assertEquals(List.of("Du har fortrinsadgang, og arbejdsgiveren er offentlig, så du skal indkaldes til jobsamtale, "
        + "når du er kvalificeret.", "Din samlede vurdering er 50 af 100 point."), DA.explain(e, null).sentences());
  }

  @Test
  void pointsAreWholeAndNeverZeroForAPositiveScore() {
    assertEquals(88, Narrator.points(0.875));
    assertEquals(87, Narrator.points(0.8749));
    assertEquals(1, Narrator.points(0.001));
    assertEquals(0, Narrator.points(0));
    assertEquals(100, Narrator.points(1));
    assertThrows(IllegalArgumentException.class, () -> Narrator.points(1.2));
    assertThrows(IllegalArgumentException.class, () -> Narrator.points(Double.NaN));
  }

  // ------------------------------------------------------------------ eligible: reasons and flags

  @Test
  void strongestReasonsFirstWithSkillNames() {
    Explanation x = explanation(Map.of(Component.SKILLS, 0.6, Component.OCCUPATION, 1.0, Component.GOAL, 0.85,
            Component.EDUCATION, 1.0, Component.DISTANCE, 0.4),
        List.of(DISHES, KNIFE), List.of(CABLE), List.of(), Set.of(), Map.of());
    // Contributions (equal weights): occupation 1.0, education 1.0, goal 0.85, skills 0.6; distance 0.4 is below 0.5.
    List<String> da = DA.explain(eligible(match(0.77, x), 1, 10, 0, null), null).sentences();
    assertEquals(List.of("Du har erfaring fra dette fag.", "Din uddannelse lever op til jobbets krav.",
        "Jobbet ligger tæt på et af dine jobmål.", "Din samlede vurdering er 77 af 100 point."), da);
    Explanation skillsFirst = explanation(Map.of(Component.SKILLS, 0.9, Component.DISTANCE, 0.8),
        List.of(DISHES, KNIFE), List.of(CABLE), List.of(), Set.of(), Map.of());
    assertEquals(List.of("You have 2 of the 3 skills the job asks for: wash the dishes and use knives.",
            "The job is close to where you live.", "Your overall assessment is 50 of 100 points."),
        EN.explain(eligible(match(0.5, skillsFirst), 1, 10, 0, null), null).sentences());
    Explanation all = explanation(Map.of(Component.SKILLS, 1.0), List.of(DISHES), List.of(), List.of(), Set.of(), Map.of());
    assertEquals("Du har den færdighed, jobbet beder om: wash the dishes.", DA.reasons(all).get(0));
    Explanation two = explanation(Map.of(Component.SKILLS, 1.0), List.of(DISHES, CABLE), List.of(), List.of(), Set.of(), Map.of());
    assertEquals("Du har alle de 2 færdigheder, jobbet beder om: wash the dishes og splice cable.", DA.reasons(two).get(0));
    assertEquals("You have all 2 skills the job asks for: wash the dishes and splice cable.", EN.reasons(two).get(0));
    assertEquals("You have the skill the job asks for: wash the dishes.", EN.reasons(all).get(0));
  }

  @Test
  void skillsCreditedThroughARelatedSkillAreNotCountedAsHeld() {
    Explanation x = explanation(Map.of(Component.SKILLS, 0.8), List.of(DISHES, HYGIENE, KNIFE), List.of(), List.of(),
        Set.of(), Map.of(HYGIENE, DISHES));
    assertEquals(List.of("Du har 2 af de 3 færdigheder, jobbet beder om: wash the dishes og use knives.",
        "Din færdighed »wash the dishes« tæller delvist for »food hygiene«, som jobbet beder om."), DA.reasons(x));
    Explanation onlyVia = explanation(Map.of(Component.SKILLS, 0.6), List.of(HYGIENE), List.of(), List.of(),
        Set.of(), Map.of(HYGIENE, DISHES));
    assertEquals(List.of("Your skill “wash the dishes” counts partly for “food hygiene”, which the job asks for."),
        EN.reasons(onlyVia));
  }

  @Test
  void partialCreditAndUpskilling() {
    Explanation x = explanation(Map.of(), List.of(DISHES, HYGIENE), List.of(CABLE, KNIFE), List.of(CABLE),
        EnumSet.of(Flag.MISSING_ESSENTIAL_SKILLS), Map.of(HYGIENE, DISHES));
    assertEquals(List.of("Din færdighed »wash the dishes« tæller delvist for »food hygiene«, som jobbet beder om.",
        "Du mangler splice cable, som er vigtig for jobbet. Det kan du lære gennem opkvalificering, og så står du stærkere."),
        DA.reasons(x));
    assertEquals(List.of("Your skill “wash the dishes” counts partly for “food hygiene”, which the job asks for.",
        "You lack splice cable, which matters for this job. You can learn it through upskilling, and then you will stand stronger."),
        EN.reasons(x));
  }

  @Test
  void eachFlagInBothLanguages() {
    Map<Flag, List<String>> expected = new EnumMap<>(Flag.class);
    expected.put(Flag.SHORTAGE, List.of("Der mangler folk i dette fag i området, så arbejdsgivere leder bredt.",
        "This occupation is short of people in the area, so employers look widely."));
    expected.put(Flag.UPSKILLING_CANDIDATE, List.of(
        "Din uddannelse er ét niveau under det, jobbet beder om; et kursus eller en uddannelse kan lukke hullet.",
        "Your education is one level below what the job asks for; a course or an education can close the gap."));
    expected.put(Flag.FLEKSJOB_FIT, List.of("Du er visiteret til fleksjob, og arbejdsgiveren tager imod fleksjob.",
        "You are approved for a flexi-job (fleksjob), and the employer accepts flexi-jobs."));
    expected.put(Flag.FORTRINSADGANG, List.of(
        "Du har fortrinsadgang, og arbejdsgiveren er offentlig, så du skal indkaldes til jobsamtale, når du er kvalificeret.",
        "You have preferential access (fortrinsadgang), and the employer is public, so you must be invited to an interview "
            + "when you are qualified."));
    expected.put(Flag.COMPENSATION_SCHEME, List.of(
        "Du har ret til personlig assistance eller hjælpemidler, og arbejdsgiveren har sagt ja til at ansætte med handicapkompensation.",
        "You are entitled to personal assistance or aids, and the employer has agreed to hire with disability compensation."));
    expected.put(Flag.OUTDATED_EDUCATION, List.of("Din uddannelse er fra mange år siden og tæller derfor lidt mindre.",
        "Your education is from many years ago and therefore counts a little less."));
    expected.put(Flag.DERIVED_REQUIREMENTS, List.of(
        "Arbejdsgiveren nævnte ingen bestemte færdigheder, så vi har brugt dem, der normalt hører til faget.",
        "The employer named no particular skills, so we used the ones that usually belong to the occupation."));
    expected.put(Flag.STALE_SKILLS, List.of(
        "Nogle af dine færdigheder har du ikke brugt i flere år, og de tæller derfor lidt mindre.",
        "Some of your skills have not been used for several years and therefore count a little less."));
    expected.put(Flag.MISSING_ESSENTIAL_SKILLS, List.of(
        "Du mangler wash the dishes, som er vigtig for jobbet. Det kan du lære gennem opkvalificering, og så står du stærkere.",
        "You lack wash the dishes, which matters for this job. You can learn it through upskilling, and then you will stand stronger."));
    for (Flag f : Flag.values()) {
      List<String> want = expected.get(f);
      assertTrue(want != null, "no hand-written sentence for flag " + f + " in this test");
      List<String> missingEssential = f == Flag.MISSING_ESSENTIAL_SKILLS ? List.of(DISHES) : List.of();
      Explanation x = explanation(Map.of(), List.of(), missingEssential, missingEssential, EnumSet.of(f), Map.of());
      assertEquals(List.of(want.get(0)), DA.reasons(x), f.name());
      assertEquals(List.of(want.get(1)), EN.reasons(x), f.name());
    }
  }

  @Test
  void schemesComeBeforeOtherNotes() {
    Explanation x = explanation(Map.of(), List.of(), List.of(), List.of(),
        EnumSet.of(Flag.SHORTAGE, Flag.FLEKSJOB_FIT, Flag.FORTRINSADGANG), Map.of());
    List<String> r = EN.reasons(x);
    assertEquals(3, r.size());
    assertTrue(r.get(0).startsWith("You have preferential access"), r.get(0));
    assertTrue(r.get(1).startsWith("You are approved for a flexi-job"), r.get(1));
    assertTrue(r.get(2).startsWith("This occupation is short"), r.get(2));
  }

  @Test
  void candidateAndSuggestionHeadlines() {
    Match m = plainMatch(0.877, Set.of());
    assertEquals("Nr. 1: borger c-7 – 88 af 100 point.", DA.candidate(m, 1, null).headline());
    assertEquals("Number 1: citizen c-7 – 88 of 100 points.", EN.candidate(m, 1, null).headline());
    assertEquals("Forslag nr. 3: job jo-1 – 88 af 100 point.", DA.suggestion(m, 3, null).headline());
    assertEquals("Suggestion number 3: job jo-1 – 88 of 100 points.", EN.suggestion(m, 3, null).headline());
  }

  @Test
  void footerAndLabels() {
    assertEquals("Vurderet efter regelsæt glostrup@2 den 1. november 2026.", DA.footer("glostrup@2", LocalDate.of(2026, 11, 1)));
    assertEquals("Assessed under rule set glostrup@2 on November 1, 2026.", EN.footer("glostrup@2", LocalDate.of(2026, 11, 1)));
    assertEquals("wash the dishes", DA.labels().skill(DISHES));
    assertEquals("no-such-skill", DA.labels().skill("no-such-skill"));
    assertEquals("Køkkenmedhjælpere", DA.labels().occupation(OccupationRef.isco("9412")));
    assertEquals("isco:1111", DA.labels().occupation(OccupationRef.isco("1111")));
    assertEquals("dansk", DA.labels().language("da"));
    assertEquals("Danish", EN.labels().language("da"));
    assertEquals("truckcertifikat", DA.labels().certificate("FORKLIFT"));
    assertEquals("forklift certificate", EN.labels().certificate("FORKLIFT"));
    assertFalse(DA.labels().certificateLabel("NOPE").isPresent());
  }

  @Test
  void onlyDanishAndEnglish() {
    assertThrows(IllegalArgumentException.class, () -> Narrator.of(LABELLED, "de"));
    assertThrows(IllegalArgumentException.class, () -> Narrator.of(LABELLED, java.util.Locale.GERMAN));
    assertEquals("Narration[2 sentences]", new Narration("s", "h", List.of("a", "b")).toString());
  }
}
