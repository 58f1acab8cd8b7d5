package dk.jobmatch.examples;

import dk.jobmatch.taxonomy.ReuseLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every occupation and skill id the demo data uses, in one table, so that the ids can be
 * aligned with a full taxonomy in one place. Occupations are ISCO-08 unit groups or DISCO-08
 * six-digit refinements (labels from Danmarks Statistik's DISCO-08); skills are opaque ids of the
 * form {@code skill:<danish-slug>} with a Danish label and an ESCO-style reuse level.
 *
 * <p>Immutable constants; thread-safe.
 */
final class DemoVocabulary {
  private DemoVocabulary() {}

  // --- occupations -------------------------------------------------------------------------
  static final String NURSE = "isco:2221";
  static final String NURSE_BASIC = "disco:222110";
  static final String SOSU = "isco:5322";
  static final String SOSU_HELPER = "disco:532210";
  static final String SOSU_ASSISTANT = "disco:532220";
  static final String CARE_INSTITUTION = "isco:5321";
  static final String PEDAGOGUE = "isco:2342";
  static final String CHILDCARE = "isco:5311";
  static final String PEDAGOGICAL_ASSISTANT = "disco:531120";
  static final String WAREHOUSE = "isco:4321";
  static final String LOADING = "isco:9333";
  static final String TRUCK_DRIVER = "isco:8332";
  static final String VAN_DRIVER = "isco:8322";
  static final String SHOP_SALES = "isco:5223";
  static final String CLEANER = "isco:9112";
  static final String OFFICE_CLERK = "isco:4110";

  /** Danish occupation labels (DISCO-08 titles, shortened). */
  static final Map<String, String> OCCUPATION_LABELS = ordered(
      NURSE, "Sygeplejerske",
      NURSE_BASIC, "Sygeplejerske, basisfunktioner",
      SOSU, "Social- og sundhedsarbejde i private hjem og plejehjem",
      SOSU_HELPER, "Social- og sundhedshjælper",
      SOSU_ASSISTANT, "Social- og sundhedsassistent",
      CARE_INSTITUTION, "Omsorgsarbejde på institutioner og hospitaler",
      PEDAGOGUE, "Pædagog",
      CHILDCARE, "Børneomsorgsarbejde",
      PEDAGOGICAL_ASSISTANT, "Pædagogmedhjælper",
      WAREHOUSE, "Lagermedarbejder",
      LOADING, "Arbejde med lastning og losning",
      TRUCK_DRIVER, "Lastbilchauffør",
      VAN_DRIVER, "Varevognschauffør",
      SHOP_SALES, "Butiksassistent",
      CLEANER, "Rengøringsassistent",
      OFFICE_CLERK, "Kontorassistent");

  // --- skills ------------------------------------------------------------------------------

  /** A skill: id, Danish label, reuse level. */
  enum Skill {
    SYGEPLEJE("skill:sygepleje", "Sygepleje", ReuseLevel.OCCUPATION_SPECIFIC),
    KLINISK_OBSERVATION("skill:klinisk-observation", "Klinisk observation", ReuseLevel.OCCUPATION_SPECIFIC),
    SAARPLEJE("skill:saarpleje", "Sårpleje", ReuseLevel.SECTOR_SPECIFIC),
    MEDICINHAANDTERING("skill:medicinhaandtering", "Medicinhåndtering", ReuseLevel.SECTOR_SPECIFIC),
    DOKUMENTATION("skill:sundhedsfaglig-dokumentation", "Sundhedsfaglig dokumentation", ReuseLevel.SECTOR_SPECIFIC),
    PERSONLIG_PLEJE("skill:personlig-pleje", "Personlig pleje", ReuseLevel.SECTOR_SPECIFIC),
    FORFLYTNING("skill:forflytning", "Forflytning", ReuseLevel.SECTOR_SPECIFIC),
    REHABILITERING("skill:rehabilitering", "Rehabilitering", ReuseLevel.SECTOR_SPECIFIC),
    DEMENSOMSORG("skill:demensomsorg", "Demensomsorg", ReuseLevel.OCCUPATION_SPECIFIC),
    PAEDAGOGISK_ARBEJDE("skill:paedagogisk-arbejde", "Pædagogisk arbejde", ReuseLevel.OCCUPATION_SPECIFIC),
    BOERNEPASNING("skill:boernepasning", "Børnepasning", ReuseLevel.SECTOR_SPECIFIC),
    SPROGSTIMULERING("skill:sprogstimulering", "Sprogstimulering", ReuseLevel.OCCUPATION_SPECIFIC),
    FORAELDRESAMARBEJDE("skill:foraeldresamarbejde", "Forældresamarbejde", ReuseLevel.SECTOR_SPECIFIC),
    PLUKNING("skill:plukning-og-pakning", "Plukning og pakning", ReuseLevel.SECTOR_SPECIFIC),
    VAREMODTAGELSE("skill:varemodtagelse", "Varemodtagelse", ReuseLevel.CROSS_SECTOR),
    LAGERSYSTEM("skill:lagerstyringssystem", "Lagerstyringssystem (WMS)", ReuseLevel.SECTOR_SPECIFIC),
    TRUCKKOERSEL("skill:truckkoersel", "Truckkørsel", ReuseLevel.SECTOR_SPECIFIC),
    LASTBILKOERSEL("skill:lastbilkoersel", "Lastbilkørsel", ReuseLevel.OCCUPATION_SPECIFIC),
    GODSSIKRING("skill:godssikring", "Godssikring", ReuseLevel.SECTOR_SPECIFIC),
    KOERE_HVILETID("skill:koere-og-hviletid", "Køre- og hviletidsregler", ReuseLevel.OCCUPATION_SPECIFIC),
    RUTEPLANLAEGNING("skill:ruteplanlaegning", "Ruteplanlægning", ReuseLevel.CROSS_SECTOR),
    KUNDESERVICE("skill:kundeservice", "Kundeservice", ReuseLevel.CROSS_SECTOR),
    KASSEBETJENING("skill:kassebetjening", "Kassebetjening", ReuseLevel.SECTOR_SPECIFIC),
    VAREPAAFYLDNING("skill:varepaafyldning", "Varepåfyldning", ReuseLevel.SECTOR_SPECIFIC),
    SALG("skill:salg", "Salg", ReuseLevel.CROSS_SECTOR),
    RENGOERING("skill:rengoering", "Rengøring", ReuseLevel.SECTOR_SPECIFIC),
    RENGOERINGSMIDLER("skill:rengoeringsmidler", "Rengøringsmidler og doseringer", ReuseLevel.OCCUPATION_SPECIFIC),
    HYGIEJNE("skill:hygiejne", "Hygiejne", ReuseLevel.CROSS_SECTOR),
    KONTORARBEJDE("skill:kontorarbejde", "Kontorarbejde", ReuseLevel.SECTOR_SPECIFIC),
    REGNEARK("skill:regneark", "Regneark", ReuseLevel.CROSS_SECTOR),
    TEKSTBEHANDLING("skill:tekstbehandling", "Tekstbehandling", ReuseLevel.CROSS_SECTOR),
    BOGFOERING("skill:bogfoering", "Bogføring", ReuseLevel.SECTOR_SPECIFIC),
    JOURNALISERING("skill:journalisering", "Journalisering og sagsstyring", ReuseLevel.SECTOR_SPECIFIC),
    SAMARBEJDE("skill:samarbejde", "Samarbejde", ReuseLevel.TRANSVERSAL),
    DIGITALE_KOMPETENCER("skill:digitale-kompetencer", "Digitale kompetencer", ReuseLevel.TRANSVERSAL),
    SKRIFTLIG_DANSK("skill:skriftlig-dansk", "Skriftlig dansk", ReuseLevel.TRANSVERSAL);

    final String id;
    final String label;
    final ReuseLevel reuse;

    Skill(String id, String label, ReuseLevel reuse) {
      this.id = id;
      this.label = label;
      this.reuse = reuse;
    }
  }

  /**
   * Skill pairs that stand in partly for each other (symmetric), with the partial credit: the
   * demo's stand-in for ESCO skill–skill relations.
   */
  static final List<Related> RELATED = List.of(
      new Related(Skill.PERSONLIG_PLEJE, Skill.SYGEPLEJE, 0.4),
      new Related(Skill.KLINISK_OBSERVATION, Skill.SYGEPLEJE, 0.5),
      new Related(Skill.SAARPLEJE, Skill.SYGEPLEJE, 0.5),
      new Related(Skill.REHABILITERING, Skill.FORFLYTNING, 0.5),
      new Related(Skill.BOERNEPASNING, Skill.PAEDAGOGISK_ARBEJDE, 0.5),
      new Related(Skill.SPROGSTIMULERING, Skill.PAEDAGOGISK_ARBEJDE, 0.3),
      new Related(Skill.PLUKNING, Skill.VAREPAAFYLDNING, 0.4),
      new Related(Skill.VAREMODTAGELSE, Skill.LAGERSYSTEM, 0.3),
      new Related(Skill.TRUCKKOERSEL, Skill.LASTBILKOERSEL, 0.2),
      new Related(Skill.GODSSIKRING, Skill.VAREMODTAGELSE, 0.3),
      new Related(Skill.KASSEBETJENING, Skill.KUNDESERVICE, 0.5),
      new Related(Skill.SALG, Skill.KUNDESERVICE, 0.5),
      new Related(Skill.RENGOERINGSMIDLER, Skill.RENGOERING, 0.5),
      new Related(Skill.HYGIEJNE, Skill.RENGOERING, 0.4),
      new Related(Skill.BOGFOERING, Skill.REGNEARK, 0.3),
      new Related(Skill.JOURNALISERING, Skill.KONTORARBEJDE, 0.5),
      new Related(Skill.TEKSTBEHANDLING, Skill.DIGITALE_KOMPETENCER, 0.4));

  /** Two related skills and the partial credit each gives for the other. */
  record Related(Skill a, Skill b, double credit) {}

  /**
   * What each unit group typically requires (the demo's stand-in for ESCO's occupation–skill
   * relations), used for orders that name no skills.
   */
  static final Map<String, List<Requirement>> OCCUPATION_SKILLS = Map.of(
      "2221", List.of(essential(Skill.SYGEPLEJE), essential(Skill.MEDICINHAANDTERING),
          essential(Skill.KLINISK_OBSERVATION), optional(Skill.SAARPLEJE), optional(Skill.DOKUMENTATION)),
      "5322", List.of(essential(Skill.PERSONLIG_PLEJE), essential(Skill.FORFLYTNING),
          optional(Skill.MEDICINHAANDTERING), optional(Skill.DEMENSOMSORG), optional(Skill.REHABILITERING)),
      "2342", List.of(essential(Skill.PAEDAGOGISK_ARBEJDE), essential(Skill.BOERNEPASNING),
          optional(Skill.SPROGSTIMULERING), optional(Skill.FORAELDRESAMARBEJDE)),
      "5311", List.of(essential(Skill.BOERNEPASNING), optional(Skill.PAEDAGOGISK_ARBEJDE)),
      "4321", List.of(essential(Skill.PLUKNING), essential(Skill.VAREMODTAGELSE), optional(Skill.LAGERSYSTEM),
          optional(Skill.TRUCKKOERSEL)),
      "8332", List.of(essential(Skill.LASTBILKOERSEL), essential(Skill.KOERE_HVILETID), optional(Skill.GODSSIKRING)),
      "5223", List.of(essential(Skill.KUNDESERVICE), essential(Skill.KASSEBETJENING), optional(Skill.VAREPAAFYLDNING),
          optional(Skill.SALG)),
      "9112", List.of(essential(Skill.RENGOERING), optional(Skill.RENGOERINGSMIDLER), optional(Skill.HYGIEJNE)),
      "4110", List.of(essential(Skill.KONTORARBEJDE), essential(Skill.TEKSTBEHANDLING), optional(Skill.REGNEARK),
          optional(Skill.JOURNALISERING)));

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
