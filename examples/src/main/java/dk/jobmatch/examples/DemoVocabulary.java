package dk.jobmatch.examples;

import dk.jobmatch.taxonomy.ReuseLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every occupation and skill id the demo data uses, in one table. The ids, labels and reuse
 * levels are those of the built-in sample taxonomy ({@code SampleTaxonomy}): occupations are
 * DISCO-08 six-digit codes, skills opaque ids of the form {@code skill:<danish-slug>}. The
 * relations and occupation profiles below are the subset the demo needs, so the demo also runs
 * with {@link DemoTaxonomy} alone.
 *
 * <p>Immutable constants; thread-safe.
 */
final class DemoVocabulary {
  private DemoVocabulary() {}

  // --- occupations (DISCO-08 level 5) -----------------------------------------------------------
  static final String NURSE = "disco:222110";
  static final String SOSU_HELPER = "disco:532210";
  static final String SOSU_ASSISTANT = "disco:532220";
  static final String PEDAGOGUE = "disco:234200";
  static final String PEDAGOGICAL_ASSISTANT = "disco:531120";
  static final String WAREHOUSE = "disco:432100";
  static final String LOADING = "disco:933300";
  static final String TRUCK_DRIVER = "disco:833210";
  static final String VAN_DRIVER = "disco:832220";
  static final String SHOP_SALES = "disco:522300";
  static final String CLEANER = "disco:911210";
  static final String OFFICE_CLERK = "disco:411000";

  /** Danish occupation labels. */
  static final Map<String, String> OCCUPATION_LABELS = ordered(
      NURSE, "Sygeplejerske",
      SOSU_HELPER, "Social- og sundhedshjælper",
      SOSU_ASSISTANT, "Social- og sundhedsassistent",
      PEDAGOGUE, "Pædagog",
      PEDAGOGICAL_ASSISTANT, "Pædagogisk assistent",
      WAREHOUSE, "Lagermedarbejder",
      LOADING, "Lagerarbejder",
      TRUCK_DRIVER, "Lastbilchauffør",
      VAN_DRIVER, "Varebilchauffør",
      SHOP_SALES, "Butiksassistent",
      CLEANER, "Rengøringsassistent",
      OFFICE_CLERK, "Kontorassistent");

  // --- skills ---------------------------------------------------------------------------------

  /** A skill: id, Danish label, reuse level. */
  enum Skill {
    SYGEPLEJE("skill:sygepleje", "Sygepleje", ReuseLevel.OCCUPATION_SPECIFIC),
    OBSERVATION_SUNDHED("skill:observation-sundhed", "Observation af sundhedstilstand", ReuseLevel.SECTOR_SPECIFIC),
    SAARPLEJE("skill:saarpleje", "Sårpleje", ReuseLevel.OCCUPATION_SPECIFIC),
    MEDICIN_ADMINISTRATION("skill:medicin-administration", "Medicinadministration", ReuseLevel.OCCUPATION_SPECIFIC),
    DOKUMENTATION_OMSORG("skill:dokumentation-omsorg", "Sundhedsfaglig dokumentation", ReuseLevel.SECTOR_SPECIFIC),
    HYGIEJNE_SMITTE("skill:hygiejne-smitte", "Hygiejne og smitteforebyggelse", ReuseLevel.CROSS_SECTOR),
    PERSONLIG_PLEJE("skill:personlig-pleje", "Personlig pleje", ReuseLevel.SECTOR_SPECIFIC),
    FORFLYTNING("skill:forflytning", "Forflytning", ReuseLevel.SECTOR_SPECIFIC),
    REHABILITERING("skill:rehabilitering", "Rehabilitering", ReuseLevel.SECTOR_SPECIFIC),
    DEMENS("skill:demens", "Demensomsorg", ReuseLevel.SECTOR_SPECIFIC),
    PAEDAGOGISK_ARBEJDE("skill:paedagogisk-arbejde", "Pædagogisk arbejde", ReuseLevel.SECTOR_SPECIFIC),
    BOERNEPASNING("skill:boernepasning", "Børnepasning", ReuseLevel.SECTOR_SPECIFIC),
    SPROGSTIMULERING("skill:sprogstimulering", "Sprogstimulering", ReuseLevel.OCCUPATION_SPECIFIC),
    FORAELDRESAMARBEJDE("skill:foraeldresamarbejde", "Forældresamarbejde", ReuseLevel.SECTOR_SPECIFIC),
    PLUKNING("skill:plukning", "Ordreplukning", ReuseLevel.SECTOR_SPECIFIC),
    VAREMODTAGELSE("skill:varemodtagelse", "Varemodtagelse", ReuseLevel.SECTOR_SPECIFIC),
    LAGERSTYRING("skill:lagerstyring", "Lagerstyring", ReuseLevel.SECTOR_SPECIFIC),
    TRUCKKOERSEL("skill:truckkoersel", "Truckkørsel", ReuseLevel.OCCUPATION_SPECIFIC),
    LASTBILKOERSEL("skill:lastbilkoersel", "Lastbilkørsel", ReuseLevel.OCCUPATION_SPECIFIC),
    GODSSIKRING("skill:godssikring", "Godssikring", ReuseLevel.OCCUPATION_SPECIFIC),
    KOERE_HVILETID("skill:koere-hviletid", "Køre- og hviletidsregler", ReuseLevel.SECTOR_SPECIFIC),
    RUTEPLANLAEGNING("skill:ruteplanlaegning", "Ruteplanlægning", ReuseLevel.SECTOR_SPECIFIC),
    KUNDESERVICE("skill:kundeservice", "Kundeservice", ReuseLevel.CROSS_SECTOR),
    KASSEBETJENING("skill:kassebetjening", "Kassebetjening", ReuseLevel.SECTOR_SPECIFIC),
    VAREPAAFYLDNING("skill:varepaafyldning", "Varepåfyldning", ReuseLevel.SECTOR_SPECIFIC),
    SALG("skill:salg", "Salg", ReuseLevel.CROSS_SECTOR),
    RENGOERING("skill:rengoering", "Rengøring", ReuseLevel.SECTOR_SPECIFIC),
    RENGOERINGSMIDLER("skill:rengoeringsmidler", "Brug af rengøringsmidler", ReuseLevel.SECTOR_SPECIFIC),
    KONTORARBEJDE("skill:kontorarbejde", "Almindeligt kontorarbejde", ReuseLevel.CROSS_SECTOR),
    OFFICE_PAKKEN("skill:office-pakken", "Microsoft Office", ReuseLevel.CROSS_SECTOR),
    REGNEARK("skill:regneark", "Regneark", ReuseLevel.CROSS_SECTOR),
    BOGFOERING("skill:bogfoering", "Bogføring", ReuseLevel.SECTOR_SPECIFIC),
    JOURNALISERING("skill:journalisering", "Journalisering", ReuseLevel.SECTOR_SPECIFIC),
    SAMARBEJDE("skill:samarbejde", "Samarbejde", ReuseLevel.TRANSVERSAL),
    IT_BRUGERNIVEAU("skill:it-brugerniveau", "IT på brugerniveau", ReuseLevel.TRANSVERSAL),
    DANSK_SKRIFTLIGT("skill:dansk-skriftligt", "Dansk, skriftligt", ReuseLevel.TRANSVERSAL);

    final String id;
    final String label;
    final ReuseLevel reuse;

    Skill(String id, String label, ReuseLevel reuse) {
      this.id = id;
      this.label = label;
      this.reuse = reuse;
    }
  }

  /** Skill pairs that stand in partly for each other (symmetric), with the partial credit. */
  static final List<Related> RELATED = List.of(
      new Related(Skill.SYGEPLEJE, Skill.OBSERVATION_SUNDHED, 0.5),
      new Related(Skill.SYGEPLEJE, Skill.SAARPLEJE, 0.4),
      new Related(Skill.SYGEPLEJE, Skill.MEDICIN_ADMINISTRATION, 0.4),
      new Related(Skill.PERSONLIG_PLEJE, Skill.FORFLYTNING, 0.3),
      new Related(Skill.REHABILITERING, Skill.FORFLYTNING, 0.4),
      new Related(Skill.DOKUMENTATION_OMSORG, Skill.JOURNALISERING, 0.3),
      new Related(Skill.BOERNEPASNING, Skill.PAEDAGOGISK_ARBEJDE, 0.5),
      new Related(Skill.LAGERSTYRING, Skill.VAREMODTAGELSE, 0.5),
      new Related(Skill.KUNDESERVICE, Skill.SALG, 0.5),
      new Related(Skill.KASSEBETJENING, Skill.KUNDESERVICE, 0.4),
      new Related(Skill.VAREPAAFYLDNING, Skill.VAREMODTAGELSE, 0.4));

  /** Two related skills and the partial credit each gives for the other. */
  record Related(Skill a, Skill b, double credit) {}

  /** What each occupation requires, used for orders that name no skills. */
  static final Map<String, List<Requirement>> OCCUPATION_SKILLS = Map.of(
      NURSE, List.of(essential(Skill.SYGEPLEJE), essential(Skill.MEDICIN_ADMINISTRATION), essential(Skill.SAARPLEJE),
          essential(Skill.OBSERVATION_SUNDHED), essential(Skill.DOKUMENTATION_OMSORG),
          essential(Skill.HYGIEJNE_SMITTE), optional(Skill.DEMENS), optional(Skill.REHABILITERING),
          optional(Skill.SAMARBEJDE)),
      SOSU_ASSISTANT, List.of(essential(Skill.PERSONLIG_PLEJE), essential(Skill.MEDICIN_ADMINISTRATION),
          essential(Skill.OBSERVATION_SUNDHED), essential(Skill.DOKUMENTATION_OMSORG), essential(Skill.FORFLYTNING),
          essential(Skill.HYGIEJNE_SMITTE), optional(Skill.DEMENS), optional(Skill.SAARPLEJE),
          optional(Skill.REHABILITERING), optional(Skill.SAMARBEJDE)),
      PEDAGOGUE, List.of(essential(Skill.PAEDAGOGISK_ARBEJDE), essential(Skill.BOERNEPASNING),
          essential(Skill.SPROGSTIMULERING), essential(Skill.FORAELDRESAMARBEJDE), optional(Skill.SAMARBEJDE)),
      WAREHOUSE, List.of(essential(Skill.LAGERSTYRING), essential(Skill.VAREMODTAGELSE), essential(Skill.PLUKNING),
          optional(Skill.TRUCKKOERSEL)),
      TRUCK_DRIVER, List.of(essential(Skill.LASTBILKOERSEL), essential(Skill.GODSSIKRING),
          essential(Skill.KOERE_HVILETID), optional(Skill.RUTEPLANLAEGNING), optional(Skill.KUNDESERVICE)),
      SHOP_SALES, List.of(essential(Skill.KUNDESERVICE), essential(Skill.SALG), essential(Skill.VAREPAAFYLDNING),
          optional(Skill.KASSEBETJENING)),
      CLEANER, List.of(essential(Skill.RENGOERING), essential(Skill.RENGOERINGSMIDLER),
          optional(Skill.HYGIEJNE_SMITTE)),
      OFFICE_CLERK, List.of(essential(Skill.KONTORARBEJDE), essential(Skill.OFFICE_PAKKEN),
          essential(Skill.JOURNALISERING), optional(Skill.BOGFOERING), optional(Skill.KUNDESERVICE),
          optional(Skill.DANSK_SKRIFTLIGT)));

  /** One skill of an occupation's profile. */
  record Requirement(Skill skill, boolean essential) {}

  private static Requirement essential(Skill s) {
    return new Requirement(s, true);
  }

  private static Requirement optional(Skill s) {
    return new Requirement(s, false);
  }

  private static Map<String, String> ordered(String... keysAndValues) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
