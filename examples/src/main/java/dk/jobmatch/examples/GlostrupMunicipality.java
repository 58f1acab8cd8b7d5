package dk.jobmatch.examples;

import static dk.jobmatch.examples.DemoVocabulary.CLEANER;
import static dk.jobmatch.examples.DemoVocabulary.LOADING;
import static dk.jobmatch.examples.DemoVocabulary.NURSE;
import static dk.jobmatch.examples.DemoVocabulary.OFFICE_CLERK;
import static dk.jobmatch.examples.DemoVocabulary.PEDAGOGICAL_ASSISTANT;
import static dk.jobmatch.examples.DemoVocabulary.PEDAGOGUE;
import static dk.jobmatch.examples.DemoVocabulary.SHOP_SALES;
import static dk.jobmatch.examples.DemoVocabulary.SOSU_ASSISTANT;
import static dk.jobmatch.examples.DemoVocabulary.SOSU_HELPER;
import static dk.jobmatch.examples.DemoVocabulary.TRUCK_DRIVER;
import static dk.jobmatch.examples.DemoVocabulary.VAN_DRIVER;
import static dk.jobmatch.examples.DemoVocabulary.WAREHOUSE;

import dk.jobmatch.examples.DemoVocabulary.Skill;
import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.model.TargetGroup;
import dk.jobmatch.taxonomy.SampleTaxonomy;
import dk.jobmatch.taxonomy.ShortageLookup;
import dk.jobmatch.taxonomy.ShortageRegistry;
import dk.jobmatch.taxonomy.Taxonomy;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A small synthetic municipality modelled on Glostrup (about 23,000 inhabitants, west of
 * Copenhagen): a few hundred unemployed citizens in the target-group proportions Glostrup had in
 * Q1 2022 (docs/domain.md), living in and around Glostrup, and a dozen job orders from public and
 * private employers across welfare, warehouse, transport, retail, cleaning and office work.
 *
 * <p>Everything is generated from a fixed seed, so the same call gives the same data; no person
 * in it is real. A few hand-written "featured" citizens make the demo's stories (fortrinsadgang,
 * upskilling, fleksjob, internship) appear whatever the seed.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class GlostrupMunicipality {
  /** The day the demo pretends it is: dates in the data are relative to it. */
  public static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  /** The default seed of the generator. */
  public static final long SEED = 20_261_122L;

  /** The default number of citizens. */
  public static final int POPULATION = 300;

  /** Full-time persons per target group in Glostrup, Q1 2022 (docs/domain.md). */
  public static final Map<TargetGroup, Integer> FULL_TIME_PERSONS_2022 = Collections.unmodifiableMap(new EnumMap<>(Map.of(
      TargetGroup.A_DAGPENGE, 334,
      TargetGroup.KONTANTHJAELP, 206,
      TargetGroup.UDDANNELSESHJAELP, 102,
      TargetGroup.SELVFORSOERGELSE_HJEMREJSE, 26,
      TargetGroup.SYGEDAGPENGE, 520,
      TargetGroup.JOBAFKLARING, 79,
      TargetGroup.RESSOURCEFORLOEB, 120,
      TargetGroup.LEDIGHEDSYDELSE, 72,
      TargetGroup.REVALIDERING, 7)));

  /** Featured citizen: an experienced nurse holding fortrinsadgang. */
  public static final String FEATURED_NURSE = "c-0042";
  /** Featured citizen: an unskilled care worker on kontanthjælp, one education level short of SOSU. */
  public static final String FEATURED_CARE_WORKER = "c-0117";
  /** Featured citizen: an office worker on ledighedsydelse, approved for a 12-hour fleksjob. */
  public static final String FEATURED_FLEKSJOB = "c-0163";
  /** Featured citizen: a young activity-ready citizen on uddannelseshjælp who wants retail. */
  public static final String FEATURED_YOUNG = "c-0208";
  /**
   * Featured citizen: holds fortrinsadgang and is qualified for public office work, but scores
   * below the top five: the rule, not the score, puts them on the public employer's shortlist.
   */
  public static final String FEATURED_FORTRINSADGANG_OFFICE = "c-0276";

  private final List<Citizen> citizens;
  private final List<JobOrder> orders;

  private GlostrupMunicipality(List<Citizen> citizens, List<JobOrder> orders) {
    this.citizens = List.copyOf(citizens);
    this.orders = List.copyOf(orders);
  }

  /** The default municipality: {@link #POPULATION} citizens from {@link #SEED}. */
  public static GlostrupMunicipality build() {
    return build(POPULATION, SEED);
  }

  /**
   * A municipality of {@code population} citizens generated from {@code seed}.
   *
   * @throws IllegalArgumentException if {@code population} is below 250 (the featured citizens
   *     need their ids)
   */
  public static GlostrupMunicipality build(int population, long seed) {
    if (population < 250) {
      throw new IllegalArgumentException("population: '" + population + "' must be at least 250");
    }
    return new GlostrupMunicipality(new CitizenGenerator(population, seed).generate(), jobOrders());
  }

  /** The citizens, ordered by id. */
  public List<Citizen> citizens() {
    return citizens;
  }

  /** The open job orders, in the order the demo prints them. */
  public List<JobOrder> orders() {
    return orders;
  }

  /** The taxonomy the data is written in: the built-in {@link SampleTaxonomy}. */
  public Taxonomy taxonomy() {
    return SampleTaxonomy.get();
  }

  /**
   * The labour-market balance: the bundled, illustrative example for RAR Hovedstaden ({@link
   * ShortageRegistry#hovedstadenExample()}), in which the welfare occupations are in shortage.
   */
  public ShortageLookup shortage() {
    return ShortageRegistry.hovedstadenExample();
  }

  /**
   * {@link #FULL_TIME_PERSONS_2022} scaled to {@code population} by the largest-remainder
   * method, so the counts sum to exactly {@code population}; ties go to the earlier group.
   */
  public static Map<TargetGroup, Integer> scaledCounts(int population) {
    int total = FULL_TIME_PERSONS_2022.values().stream().mapToInt(Integer::intValue).sum();
    Map<TargetGroup, Integer> counts = new EnumMap<>(TargetGroup.class);
    Map<TargetGroup, Double> remainders = new EnumMap<>(TargetGroup.class);
    int assigned = 0;
    for (Map.Entry<TargetGroup, Integer> e : FULL_TIME_PERSONS_2022.entrySet()) {
      double exact = (double) e.getValue() * population / total;
      counts.put(e.getKey(), (int) Math.floor(exact));
      remainders.put(e.getKey(), exact - Math.floor(exact));
      assigned += (int) Math.floor(exact);
    }
    List<TargetGroup> byRemainder = new ArrayList<>(remainders.keySet());
    byRemainder.sort(Comparator.comparingDouble((TargetGroup g) -> remainders.get(g)).reversed());
    for (int i = 0; i < population - assigned; i++) {
      counts.merge(byRemainder.get(i), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }

  // =========================================================================================
  // Job orders
  // =========================================================================================

  private static Employer employer(String cvr, String name, boolean isPublic, boolean disabilityFriendly,
      String postalCode, double lat, double lon) {
    // Fictitious CVR and P-numbers: the 9xxxxxxx range keeps them apart from real companies' numbers.
    return new Employer(cvr, "1" + cvr + "1", name, isPublic, disabilityFriendly, new Location(postalCode, lat, lon));
  }

  static List<JobOrder> jobOrders() {
    Employer hospital = employer("90000001", "Region Hovedstaden, hospitalet i Glostrup", true, true,
        "2600", 55.6641, 12.3840);
    Employer homeCare = employer("90000002", "Glostrup Kommune, hjemmeplejen", true, true, "2600", 55.6700, 12.4050);
    Employer nursery = employer("90000003", "Glostrup Kommune, vuggestuen Spiren", true, false,
        "2600", 55.6590, 12.4110);
    Employer warehouse = employer("90000004", "Vestegnens Logistik A/S", false, false, "2605", 55.6430, 12.4300);
    Employer haulier = employer("90000005", "Ringvejens Transport ApS", false, false, "2625", 55.6300, 12.3800);
    Employer supermarket = employer("90000006", "Supermarked, Glostrup Storcenter", false, true,
        "2600", 55.6575, 12.3930);
    Employer cleaning = employer("90000007", "Vestegnens Rengøring ApS", false, true, "2620", 55.6610, 12.3600);
    Employer citizenService = employer("90000008", "Glostrup Kommune, Borgerservice", true, true,
        "2600", 55.6625, 12.4020);
    Employer accountants = employer("90000009", "Albertslund Revision ApS", false, true, "2620", 55.6570, 12.3520);
    Employer homeNursing = employer("90000010", "Albertslund Kommune, hjemmesygeplejen", true, false,
        "2620", 55.6560, 12.3500);

    List<JobOrder> orders = new ArrayList<>();
    orders.add(JobOrder.builder("jo-2026-101", NURSE)
        .title("Sygeplejerske til akutmodtagelsen")
        .description("Dag/aften, 32-37 timer. Erfaring med akutte patientforløb er en fordel.")
        .employer(hospital).rarArea(RarArea.HOVEDSTADEN)
        .essentialSkill(Skill.SYGEPLEJE.id).essentialSkill(Skill.MEDICIN_ADMINISTRATION.id)
        .essentialSkill(Skill.OBSERVATION_SUNDHED.id)
        .optionalSkill(Skill.SAARPLEJE.id).optionalSkill(Skill.DOKUMENTATION_OMSORG.id)
        .minEducationLevel(5).language("da", CefrLevel.C1).hoursPerWeek(32, 37)
        .positions(2).maxCandidates(10).startDate(LocalDate.of(2027, 2, 1)).deadline(LocalDate.of(2026, 12, 20))
        .build());
    orders.add(JobOrder.builder("jo-2026-102", SOSU_ASSISTANT)
        .title("Social- og sundhedsassistent, hjemmeplejen")
        .description("Hjemmepleje i Glostrup, dagvagt. Kørekort B påkrævet, bil stilles til rådighed.")
        .employer(homeCare).rarArea(RarArea.HOVEDSTADEN)
        .essentialSkill(Skill.PERSONLIG_PLEJE.id).essentialSkill(Skill.MEDICIN_ADMINISTRATION.id)
        .essentialSkill(Skill.FORFLYTNING.id)
        .optionalSkill(Skill.DEMENS.id).optionalSkill(Skill.REHABILITERING.id)
        .optionalSkill(Skill.DOKUMENTATION_OMSORG.id)
        .minEducationLevel(3).certificate("DRIVING_B").language("da", CefrLevel.B2).hoursPerWeek(28, 37)
        .positions(3).maxCandidates(12).startDate(LocalDate.of(2027, 1, 4)).deadline(LocalDate.of(2026, 12, 10))
        .build());
    orders.add(JobOrder.builder("jo-2026-103", PEDAGOGUE)
        .title("Pædagog til vuggestue")
        .description("Vuggestuegruppe med 12 børn; fokus på sprog og forældresamarbejde.")
        .employer(nursery).rarArea(RarArea.HOVEDSTADEN)
        .essentialSkill(Skill.PAEDAGOGISK_ARBEJDE.id).essentialSkill(Skill.BOERNEPASNING.id)
        .optionalSkill(Skill.SPROGSTIMULERING.id).optionalSkill(Skill.FORAELDRESAMARBEJDE.id)
        .minEducationLevel(5).language("da", CefrLevel.C1).hoursPerWeek(30, 37)
        .startDate(LocalDate.of(2027, 1, 1)).deadline(LocalDate.of(2026, 12, 15))
        .build());
    orders.add(JobOrder.builder("jo-2026-104", WAREHOUSE)
        .title("Lagermedarbejder med truckcertifikat")
        .description("Plukning, pakning og varemodtagelse i dagholdet.")
        .employer(warehouse).rarArea(RarArea.HOVEDSTADEN)
        .essentialSkill(Skill.PLUKNING.id).essentialSkill(Skill.TRUCKKOERSEL.id)
        .optionalSkill(Skill.LAGERSTYRING.id).optionalSkill(Skill.VAREMODTAGELSE.id)
        .certificate("FORKLIFT").hoursPerWeek(37, 37)
        .positions(4).maxCandidates(15).startDate(LocalDate.of(2026, 12, 7)).deadline(LocalDate.of(2026, 12, 1))
        .build());
    orders.add(JobOrder.builder("jo-2026-105", TRUCK_DRIVER)
        .title("Lastbilchauffør (CE), national distribution")
        .description("Distribution på Sjælland fra terminalen i Vallensbæk.")
        .employer(haulier).rarArea(RarArea.HOVEDSTADEN)
        .essentialSkill(Skill.LASTBILKOERSEL.id).essentialSkill(Skill.KOERE_HVILETID.id)
        .optionalSkill(Skill.GODSSIKRING.id).optionalSkill(Skill.RUTEPLANLAEGNING.id)
        .certificate("DRIVING_CE").hoursPerWeek(37, 42)
        .positions(2).startDate(LocalDate.of(2027, 1, 2))
        .build());
    orders.add(JobOrder.builder("jo-2026-106", SHOP_SALES)
        .title("Butiksassistent, deltid")
        .employer(supermarket).rarArea(RarArea.HOVEDSTADEN).acceptsFleksjob(true)
        .essentialSkill(Skill.KUNDESERVICE.id).essentialSkill(Skill.KASSEBETJENING.id)
        .optionalSkill(Skill.VAREPAAFYLDNING.id)
        .hoursPerWeek(10, 25).positions(2).startDate(LocalDate.of(2026, 12, 14))
        .build());
    orders.add(JobOrder.builder("jo-2026-107", CLEANER)
        .title("Rengøringsassistent, kontorrengøring")
        .description("Morgenhold, kontorer i Albertslund og Glostrup.")
        .employer(cleaning).rarArea(RarArea.HOVEDSTADEN).acceptsFleksjob(true)
        .essentialSkill(Skill.RENGOERING.id)
        .optionalSkill(Skill.RENGOERINGSMIDLER.id).optionalSkill(Skill.HYGIEJNE_SMITTE.id)
        .hoursPerWeek(10, 30).positions(3).startDate(LocalDate.of(2026, 12, 1))
        .build());
    orders.add(JobOrder.builder("jo-2026-108", OFFICE_CLERK)
        .title("Administrativ medarbejder, Borgerservice")
        .employer(citizenService).rarArea(RarArea.HOVEDSTADEN)
        .essentialSkill(Skill.KONTORARBEJDE.id).essentialSkill(Skill.JOURNALISERING.id)
        .optionalSkill(Skill.OFFICE_PAKKEN.id).optionalSkill(Skill.REGNEARK.id)
        .optionalSkill(Skill.KUNDESERVICE.id)
        .minEducationLevel(3).language("da", CefrLevel.C1).hoursPerWeek(37, 37)
        .startDate(LocalDate.of(2027, 1, 1)).deadline(LocalDate.of(2026, 12, 8))
        .build());
    orders.add(JobOrder.builder("jo-2026-109", OFFICE_CLERK)
        .title("Kontormedarbejder i fleksjob")
        .description("Bogføring og kontorstøtte, 8-15 timer om ugen efter aftale.")
        .employer(accountants).rarArea(RarArea.HOVEDSTADEN).employmentType(EmploymentType.FLEKSJOB)
        .essentialSkill(Skill.KONTORARBEJDE.id)
        .optionalSkill(Skill.BOGFOERING.id).optionalSkill(Skill.REGNEARK.id).optionalSkill(Skill.OFFICE_PAKKEN.id)
        .language("da", CefrLevel.B2).hoursPerWeek(8, 15).startDate(LocalDate.of(2027, 1, 1))
        .build());
    orders.add(JobOrder.builder("jo-2026-110", SHOP_SALES)
        .title("Virksomhedspraktik i butik")
        .description("Fire ugers praktik med mentor; varepåfyldning og kundekontakt.")
        .employer(supermarket).rarArea(RarArea.HOVEDSTADEN).employmentType(EmploymentType.INTERNSHIP)
        .optionalSkill(Skill.KUNDESERVICE.id).optionalSkill(Skill.VAREPAAFYLDNING.id)
        .hoursPerWeek(10, 25).maxCandidates(3).startDate(LocalDate.of(2026, 12, 1))
        .build());
    // No skills named: the requirements come from the occupation's profile in the taxonomy.
    orders.add(JobOrder.builder("jo-2026-111", NURSE)
        .title("Sygeplejerske til hjemmesygeplejen")
        .employer(homeNursing).rarArea(RarArea.HOVEDSTADEN)
        .minEducationLevel(5).certificate("DRIVING_B").hoursPerWeek(30, 37)
        .startDate(LocalDate.of(2027, 2, 1)).deadline(LocalDate.of(2027, 1, 10))
        .build());
    orders.add(JobOrder.builder("jo-2026-112", PEDAGOGICAL_ASSISTANT)
        .title("Pædagogmedhjælper i løntilskud")
        .employer(nursery).rarArea(RarArea.HOVEDSTADEN).employmentType(EmploymentType.WAGE_SUBSIDY)
        .essentialSkill(Skill.BOERNEPASNING.id).optionalSkill(Skill.SPROGSTIMULERING.id)
        .hoursPerWeek(25, 37).startDate(LocalDate.of(2027, 1, 4))
        .build());
    return orders;
  }

  // =========================================================================================
  // Citizens
  // =========================================================================================

  /** A home area: postal code, town and an approximate centre. */
  private record Area(String postalCode, String town, double lat, double lon, int weight) {}

  private static final List<Area> AREAS = List.of(
      new Area("2600", "Glostrup", 55.6660, 12.3990, 45),
      new Area("2605", "Brøndby", 55.6480, 12.4190, 8),
      new Area("2610", "Rødovre", 55.6800, 12.4530, 5),
      new Area("2620", "Albertslund", 55.6570, 12.3530, 8),
      new Area("2625", "Vallensbæk", 55.6230, 12.3850, 5),
      new Area("2630", "Taastrup", 55.6510, 12.2930, 5),
      new Area("2635", "Ishøj", 55.6150, 12.3520, 4),
      new Area("2640", "Hedehusene", 55.6530, 12.1960, 3),
      new Area("2650", "Hvidovre", 55.6420, 12.4730, 5),
      new Area("2660", "Brøndby Strand", 55.6230, 12.4190, 4),
      new Area("2700", "Brønshøj", 55.7050, 12.4930, 3),
      new Area("2730", "Herlev", 55.7240, 12.4390, 3),
      new Area("2750", "Ballerup", 55.7310, 12.3630, 5),
      new Area("2760", "Måløv", 55.7480, 12.3190, 2));

  /**
   * A career track: the occupation a citizen has worked in and wants, the usual education, the
   * track's skills and the tracks a second job goal is drawn from.
   */
  private enum Track {
    NURSE_TRACK(NURSE, NURSE, 5, "sygeplejerske (professionsbachelor)", 4, "kort videregående sundhedsuddannelse",
        List.of(Skill.SYGEPLEJE, Skill.MEDICIN_ADMINISTRATION, Skill.OBSERVATION_SUNDHED, Skill.SAARPLEJE,
            Skill.DOKUMENTATION_OMSORG, Skill.HYGIEJNE_SMITTE)),
    SOSU_ASSISTANT_TRACK(SOSU_ASSISTANT, SOSU_ASSISTANT, 3, "social- og sundhedsassistent", 2, "gymnasial uddannelse",
        List.of(Skill.PERSONLIG_PLEJE, Skill.MEDICIN_ADMINISTRATION, Skill.FORFLYTNING, Skill.REHABILITERING,
            Skill.DEMENS, Skill.DOKUMENTATION_OMSORG, Skill.OBSERVATION_SUNDHED, Skill.HYGIEJNE_SMITTE)),
    SOSU_HELPER_TRACK(SOSU_HELPER, SOSU_HELPER, 3, "social- og sundhedshjælper", 2, "gymnasial uddannelse",
        List.of(Skill.PERSONLIG_PLEJE, Skill.FORFLYTNING, Skill.DEMENS, Skill.REHABILITERING, Skill.HYGIEJNE_SMITTE)),
    PEDAGOGUE_TRACK(PEDAGOGUE, PEDAGOGUE, 5, "pædagog (professionsbachelor)", 4, "kort videregående uddannelse",
        List.of(Skill.PAEDAGOGISK_ARBEJDE, Skill.BOERNEPASNING, Skill.SPROGSTIMULERING, Skill.FORAELDRESAMARBEJDE)),
    CHILDCARE_TRACK(PEDAGOGICAL_ASSISTANT, PEDAGOGICAL_ASSISTANT, 3, "pædagogisk assistent (PAU)", 2, "gymnasial uddannelse",
        List.of(Skill.BOERNEPASNING, Skill.PAEDAGOGISK_ARBEJDE, Skill.SPROGSTIMULERING)),
    WAREHOUSE_TRACK(WAREHOUSE, WAREHOUSE, 3, "lager- og logistikuddannelsen", 1, "grundskole",
        List.of(Skill.PLUKNING, Skill.VAREMODTAGELSE, Skill.LAGERSTYRING, Skill.TRUCKKOERSEL)),
    LOADING_TRACK(LOADING, WAREHOUSE, 1, "grundskole", 1, "grundskole",
        List.of(Skill.PLUKNING, Skill.VAREMODTAGELSE, Skill.GODSSIKRING)),
    TRUCK_TRACK(TRUCK_DRIVER, TRUCK_DRIVER, 3, "chaufføruddannelsen, godstransport", 2, "gymnasial uddannelse",
        List.of(Skill.LASTBILKOERSEL, Skill.KOERE_HVILETID, Skill.GODSSIKRING, Skill.RUTEPLANLAEGNING)),
    VAN_TRACK(VAN_DRIVER, TRUCK_DRIVER, 2, "gymnasial uddannelse", 1, "grundskole",
        List.of(Skill.RUTEPLANLAEGNING, Skill.GODSSIKRING, Skill.KUNDESERVICE)),
    RETAIL_TRACK(SHOP_SALES, SHOP_SALES, 3, "detailhandelsuddannelsen", 2, "gymnasial uddannelse",
        List.of(Skill.KUNDESERVICE, Skill.KASSEBETJENING, Skill.VAREPAAFYLDNING, Skill.SALG)),
    CLEANING_TRACK(CLEANER, CLEANER, 1, "grundskole", 1, "grundskole",
        List.of(Skill.RENGOERING, Skill.RENGOERINGSMIDLER, Skill.HYGIEJNE_SMITTE)),
    OFFICE_TRACK(OFFICE_CLERK, OFFICE_CLERK, 3, "kontoruddannelsen", 2, "gymnasial uddannelse",
        List.of(Skill.KONTORARBEJDE, Skill.OFFICE_PAKKEN, Skill.REGNEARK, Skill.JOURNALISERING, Skill.BOGFOERING,
            Skill.KUNDESERVICE));

    final String experience;
    final String goal;
    final int level;
    final String field;
    final int lowerLevel;
    final String lowerField;
    final List<Skill> skills;

    Track(String experience, String goal, int level, String field, int lowerLevel, String lowerField,
        List<Skill> skills) {
      this.experience = experience;
      this.goal = goal;
      this.level = level;
      this.field = field;
      this.lowerLevel = lowerLevel;
      this.lowerField = lowerField;
      this.skills = skills;
    }

    /** Tracks a second job goal comes from: neighbouring trades. */
    List<Track> neighbours() {
      return switch (this) {
        case NURSE_TRACK -> List.of(SOSU_ASSISTANT_TRACK);
        case SOSU_ASSISTANT_TRACK -> List.of(NURSE_TRACK, SOSU_HELPER_TRACK);
        case SOSU_HELPER_TRACK -> List.of(SOSU_ASSISTANT_TRACK, CLEANING_TRACK);
        case PEDAGOGUE_TRACK -> List.of(CHILDCARE_TRACK);
        case CHILDCARE_TRACK -> List.of(PEDAGOGUE_TRACK, SOSU_HELPER_TRACK);
        case WAREHOUSE_TRACK, LOADING_TRACK -> List.of(TRUCK_TRACK, RETAIL_TRACK);
        case TRUCK_TRACK, VAN_TRACK -> List.of(WAREHOUSE_TRACK);
        case RETAIL_TRACK -> List.of(WAREHOUSE_TRACK, OFFICE_TRACK);
        case CLEANING_TRACK -> List.of(RETAIL_TRACK, SOSU_HELPER_TRACK);
        case OFFICE_TRACK -> List.of(RETAIL_TRACK);
      };
    }
  }

  /** Relative track weights per target group, in {@link Track} order. */
  private static final Map<TargetGroup, int[]> TRACK_WEIGHTS = new EnumMap<>(Map.of(
      //                                        NUR SAS SHJ PED CHI WAR LOA TRU VAN RET CLE OFF
      TargetGroup.A_DAGPENGE, new int[] {6, 6, 4, 8, 5, 9, 3, 6, 3, 12, 5, 20},
      TargetGroup.KONTANTHJAELP, new int[] {1, 2, 4, 1, 5, 10, 8, 2, 2, 18, 25, 6},
      TargetGroup.UDDANNELSESHJAELP, new int[] {0, 0, 6, 0, 12, 15, 10, 0, 2, 35, 15, 5},
      TargetGroup.SELVFORSOERGELSE_HJEMREJSE, new int[] {0, 2, 12, 0, 8, 10, 15, 0, 3, 15, 35, 0},
      TargetGroup.SYGEDAGPENGE, new int[] {10, 12, 8, 12, 8, 6, 4, 6, 3, 10, 10, 11},
      TargetGroup.JOBAFKLARING, new int[] {2, 6, 8, 4, 8, 8, 6, 4, 2, 15, 20, 17},
      TargetGroup.RESSOURCEFORLOEB, new int[] {1, 4, 10, 2, 8, 8, 8, 2, 2, 15, 22, 18},
      TargetGroup.LEDIGHEDSYDELSE, new int[] {2, 4, 6, 2, 8, 6, 4, 2, 2, 20, 18, 26},
      TargetGroup.REVALIDERING, new int[] {0, 20, 10, 0, 10, 20, 0, 0, 0, 10, 0, 30}));

  /** Share of job-ready (jobparat) citizens per target group; the rest are aktivitetsparat. */
  private static final Map<TargetGroup, Double> JOB_READY = new EnumMap<>(Map.of(
      TargetGroup.A_DAGPENGE, 0.95,
      TargetGroup.KONTANTHJAELP, 0.45,
      TargetGroup.UDDANNELSESHJAELP, 0.5,
      TargetGroup.SELVFORSOERGELSE_HJEMREJSE, 0.4,
      TargetGroup.SYGEDAGPENGE, 0.3,
      TargetGroup.JOBAFKLARING, 0.1,
      TargetGroup.RESSOURCEFORLOEB, 0.05,
      // Approved for fleksjob: ready for a job on fleksjob terms.
      TargetGroup.LEDIGHEDSYDELSE, 1.0,
      TargetGroup.REVALIDERING, 0.5));

  /**
   * Generates the population deterministically. The target groups are dealt out in a shuffled
   * order so that the ids carry no information about the group.
   */
  private static final class CitizenGenerator {
    private final int population;
    private final Random random;

    CitizenGenerator(int population, long seed) {
      this.population = population;
      this.random = new Random(seed);
    }

    List<Citizen> generate() {
      Map<String, Citizen> featured = featured();
      Map<TargetGroup, Integer> remaining = new EnumMap<>(scaledCounts(population));
      for (Citizen c : featured.values()) {
        remaining.merge(c.targetGroup(), -1, Integer::sum);
      }
      List<TargetGroup> slots = new ArrayList<>();
      remaining.forEach((g, n) -> slots.addAll(Collections.nCopies(n, g)));
      Collections.shuffle(slots, random);
      Deque<TargetGroup> deal = new ArrayDeque<>(slots);
      List<Citizen> out = new ArrayList<>(population);
      for (int i = 1; i <= population; i++) {
        String id = String.format("c-%04d", i);
        Citizen c = featured.get(id);
        out.add(c != null ? c : generate(id, deal.pop()));
      }
      return out;
    }

    private Citizen generate(String id, TargetGroup group) {
      Track track = pick(Track.values(), TRACK_WEIGHTS.get(group));
      boolean young = group == TargetGroup.UDDANNELSESHJAELP;
      boolean fleks = group == TargetGroup.LEDIGHEDSYDELSE;
      Citizen.Builder b = Citizen.builder(id)
          .targetGroup(group)
          .jobReady(chance(JOB_READY.get(group)))
          .searchable(chance(group == TargetGroup.SYGEDAGPENGE ? 0.6 : group == TargetGroup.RESSOURCEFORLOEB ? 0.8 : 0.95))
          .unemployedSince(AS_OF.minusDays(30 + random.nextInt(870)));

      // Where and how much.
      Area area = pickArea();
      b.location(area.postalCode(), round4(area.lat() + (random.nextDouble() - 0.5) * 0.012),
          round4(area.lon() + (random.nextDouble() - 0.5) * 0.02));
      if (fleks) {
        int approved = new int[] {8, 10, 12, 15, 18, 20}[random.nextInt(6)];
        b.fleksjob(Fleksjob.approved(approved)).hoursPerWeek(Math.min(5, approved), approved)
            .maxCommuteKm(8.0 + random.nextInt(13));
      } else {
        b.maxCommuteKm(chance(0.15) ? null : 10.0 + 5 * random.nextInt(6));
        switch (group) {
          case SYGEDAGPENGE -> b.hoursPerWeek(10, 25 + random.nextInt(13));
          case RESSOURCEFORLOEB -> b.hoursPerWeek(5, 15);
          case JOBAFKLARING -> b.hoursPerWeek(8, 20);
          default -> {
            if (chance(0.6)) {
              b.hoursPerWeek(30, 37);
            } else if (chance(0.5)) {
              b.hoursPerWeek(20, 37);
            } else {
              b.hoursPerWeek(37, 37);
            }
          }
        }
      }
      if (group == TargetGroup.SYGEDAGPENGE) {
        b.availableFrom(AS_OF.plusDays(14 + random.nextInt(100)));
      } else if (chance(0.4)) {
        b.availableFrom(AS_OF.plusDays(random.nextInt(45)));
      }

      // Experience, goals and skills.
      int lastYear = AS_OF.getYear() - random.nextInt(group == TargetGroup.A_DAGPENGE ? 3 : 8);
      boolean experienced = young ? chance(0.5) : chance(0.85);
      if (experienced) {
        double years = young ? 0.5 + random.nextInt(4) * 0.5 : 0.5 + random.nextInt(40) * 0.5;
        b.experience(track.experience, years, lastYear);
      }
      Track second = track.neighbours().get(random.nextInt(track.neighbours().size()));
      if (!young && chance(0.2)) {
        b.experience(second.experience, 1.0 + random.nextInt(5), lastYear - 2 - random.nextInt(6));
      }
      if (chance(0.9)) {
        b.jobGoal(track.goal, 1);
        if (chance(0.35) && !second.goal.equals(track.goal)) {
          b.jobGoal(second.goal, 2);
        }
      }
      int held = 0;
      for (Skill s : track.skills) {
        if (chance(young ? 0.4 : 0.7)) {
          b.skill(s.id, experienced ? Integer.valueOf(lastYear - (chance(0.3) ? random.nextInt(6) : 0)) : null);
          held++;
        }
      }
      if (held == 0 && !young) {
        b.skill(track.skills.get(0).id, experienced ? lastYear : null);
      }
      for (Skill s : List.of(Skill.SAMARBEJDE, Skill.IT_BRUGERNIVEAU, Skill.DANSK_SKRIFTLIGT)) {
        if (chance(0.45) && !track.skills.contains(s)) {
          b.skill(s.id);
        }
      }

      // Education: mostly the track's usual one; some a level below (the upskilling cases).
      if (young) {
        b.education(chance(0.5) ? 1 : 2, chance(0.5) ? "grundskole" : "gymnasial uddannelse",
            AS_OF.getYear() - 1 - random.nextInt(8));
      } else if (chance(0.95)) {
        boolean lower = chance(0.2);
        b.education(lower ? track.lowerLevel : track.level, lower ? track.lowerField : track.field,
            AS_OF.getYear() - 2 - random.nextInt(30));
      }

      // Certificates and languages.
      if (chance(0.65)) {
        b.certificate("DRIVING_B");
      }
      switch (track) {
        case TRUCK_TRACK -> {
          b.certificate("DRIVING_B").certificate("DRIVING_C");
          if (chance(0.7)) {
            b.certificate("DRIVING_CE");
          }
        }
        case VAN_TRACK -> b.certificate("DRIVING_B");
        case WAREHOUSE_TRACK, LOADING_TRACK -> {
          if (chance(0.6)) {
            b.certificate("FORKLIFT");
          }
        }
        case RETAIL_TRACK, CLEANING_TRACK -> {
          if (chance(0.3)) {
            b.certificate("HYGIENE");
          }
        }
        case NURSE_TRACK, SOSU_ASSISTANT_TRACK, SOSU_HELPER_TRACK, PEDAGOGUE_TRACK, CHILDCARE_TRACK -> {
          if (chance(0.5)) {
            b.certificate("FIRST_AID");
          }
        }
        default -> { }
      }
      if (group == TargetGroup.SELVFORSOERGELSE_HJEMREJSE) {
        b.language("da", new CefrLevel[] {CefrLevel.A2, CefrLevel.B1, CefrLevel.B2}[random.nextInt(3)]);
        if (chance(0.5)) {
          b.language("en", CefrLevel.B1);
        }
      } else {
        b.language("da", chance(0.9) ? CefrLevel.C2 : chance(0.5) ? CefrLevel.C1 : CefrLevel.B2);
        if (chance(0.5)) {
          b.language("en", CefrLevel.B2);
        }
      }

      // Compensation schemes: far more common in the programmes for reduced working capacity.
      double disability = switch (group) {
        case LEDIGHEDSYDELSE -> 0.3;
        case RESSOURCEFORLOEB -> 0.15;
        case JOBAFKLARING, REVALIDERING -> 0.1;
        case SYGEDAGPENGE -> 0.05;
        default -> 0.02;
      };
      if (chance(disability)) {
        b.compensation(CompensationScheme.FORTRINSADGANG);
      }
      if (chance(disability * 0.6)) {
        b.compensation(CompensationScheme.PERSONAL_ASSISTANCE);
      }
      if (chance(disability * 0.8)) {
        b.compensation(CompensationScheme.AIDS);
      }
      return b.build();
    }

    private boolean chance(double p) {
      return random.nextDouble() < p;
    }

    private <T> T pick(T[] values, int[] weights) {
      int total = 0;
      for (int w : weights) {
        total += w;
      }
      int r = random.nextInt(total);
      for (int i = 0; i < values.length; i++) {
        r -= weights[i];
        if (r < 0) {
          return values[i];
        }
      }
      throw new AssertionError();
    }

    private Area pickArea() {
      int[] weights = AREAS.stream().mapToInt(Area::weight).toArray();
      return pick(AREAS.toArray(new Area[0]), weights);
    }

    private static double round4(double v) {
      return Math.round(v * 10_000) / 10_000.0;
    }
  }

  /** The hand-written citizens that the demo's stories are about. */
  private static Map<String, Citizen> featured() {
    Map<String, Citizen> m = new LinkedHashMap<>();
    m.put(FEATURED_NURSE, Citizen.builder(FEATURED_NURSE)
        .targetGroup(TargetGroup.A_DAGPENGE).unemployedSince(LocalDate.of(2026, 8, 1))
        .location("2600", 55.6712, 12.3901).maxCommuteKm(20.0).hoursPerWeek(30, 37)
        .jobGoal(NURSE, 1)
        .experience(NURSE, 11, 2026)
        .skill(Skill.SYGEPLEJE.id, 2026).skill(Skill.MEDICIN_ADMINISTRATION.id, 2026)
        .skill(Skill.OBSERVATION_SUNDHED.id, 2026).skill(Skill.DOKUMENTATION_OMSORG.id, 2026)
        .skill(Skill.HYGIEJNE_SMITTE.id, 2026).skill(Skill.SAARPLEJE.id, 2024)
        .education(5, "sygeplejerske (professionsbachelor)", 2013)
        .certificate("DRIVING_B").language("da", CefrLevel.C2).language("en", CefrLevel.B2)
        .compensation(CompensationScheme.FORTRINSADGANG).compensation(CompensationScheme.AIDS)
        .build());
    m.put(FEATURED_CARE_WORKER, Citizen.builder(FEATURED_CARE_WORKER)
        .targetGroup(TargetGroup.KONTANTHJAELP).unemployedSince(LocalDate.of(2025, 11, 1))
        .location("2605", 55.6502, 12.4133).maxCommuteKm(15.0).hoursPerWeek(25, 37)
        .jobGoal(SOSU_ASSISTANT, 1).jobGoal(PEDAGOGICAL_ASSISTANT, 2)
        .experience(SOSU_HELPER, 4, 2025)
        .skill(Skill.PERSONLIG_PLEJE.id, 2025).skill(Skill.FORFLYTNING.id, 2025).skill(Skill.DEMENS.id, 2025)
        .skill(Skill.SAMARBEJDE.id)
        .education(2, "gymnasial uddannelse", 2016)
        .certificate("DRIVING_B").language("da", CefrLevel.C1)
        .build());
    m.put(FEATURED_FLEKSJOB, Citizen.builder(FEATURED_FLEKSJOB)
        .targetGroup(TargetGroup.LEDIGHEDSYDELSE).unemployedSince(LocalDate.of(2026, 2, 15))
        .location("2620", 55.6588, 12.3611).maxCommuteKm(12.0).hoursPerWeek(6, 12)
        .fleksjob(Fleksjob.approved(12))
        .jobGoal(OFFICE_CLERK, 1)
        .experience(OFFICE_CLERK, 14, 2023)
        .skill(Skill.KONTORARBEJDE.id, 2023).skill(Skill.BOGFOERING.id, 2023).skill(Skill.REGNEARK.id, 2023)
        .skill(Skill.OFFICE_PAKKEN.id, 2023).skill(Skill.KUNDESERVICE.id, 2019)
        .education(3, "kontoruddannelsen", 2004)
        .language("da", CefrLevel.C2)
        .compensation(CompensationScheme.PERSONAL_ASSISTANCE).compensation(CompensationScheme.FORTRINSADGANG)
        .build());
    m.put(FEATURED_YOUNG, Citizen.builder(FEATURED_YOUNG)
        .targetGroup(TargetGroup.UDDANNELSESHJAELP).jobReady(false).unemployedSince(LocalDate.of(2026, 6, 1))
        .location("2600", 55.6604, 12.4012).maxCommuteKm(10.0).hoursPerWeek(10, 25)
        .jobGoal(SHOP_SALES, 1)
        .skill(Skill.KUNDESERVICE.id).skill(Skill.IT_BRUGERNIVEAU.id)
        .education(1, "grundskole", 2022)
        .language("da", CefrLevel.C2).language("en", CefrLevel.B2)
        .build());
    m.put(FEATURED_FORTRINSADGANG_OFFICE, Citizen.builder(FEATURED_FORTRINSADGANG_OFFICE)
        .targetGroup(TargetGroup.KONTANTHJAELP).unemployedSince(LocalDate.of(2024, 9, 1))
        .location("2750", 55.7302, 12.3655).maxCommuteKm(20.0).hoursPerWeek(25, 37)
        .jobGoal(SHOP_SALES, 1)
        .experience(OFFICE_CLERK, 1, 2019)
        .skill(Skill.KONTORARBEJDE.id, 2019).skill(Skill.JOURNALISERING.id, 2019).skill(Skill.KUNDESERVICE.id, 2022)
        .education(3, "kontoruddannelsen", 2008)
        .language("da", CefrLevel.C2)
        .compensation(CompensationScheme.FORTRINSADGANG).compensation(CompensationScheme.AIDS)
        .build());
    return m;
  }
}
