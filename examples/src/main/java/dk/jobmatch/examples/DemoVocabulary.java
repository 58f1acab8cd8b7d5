package dk.jobmatch.examples;

/**
 * Every occupation and skill id the demo data uses, in one table. They are ids of the built-in
 * sample taxonomy ({@link dk.jobmatch.taxonomy.SampleTaxonomy}), which supplies their labels,
 * reuse levels, related skills and occupation profiles: occupations are DISCO-08 six-digit codes,
 * skills opaque ids of the form {@code skill:<danish-slug>}. The demo's data test checks that the
 * taxonomy knows every id used.
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

  // --- skills ---------------------------------------------------------------------------------

  /** The skills the demo uses, by their sample-taxonomy id. */
  enum Skill {
    SYGEPLEJE("skill:sygepleje"),
    OBSERVATION_SUNDHED("skill:observation-sundhed"),
    SAARPLEJE("skill:saarpleje"),
    MEDICIN_ADMINISTRATION("skill:medicin-administration"),
    DOKUMENTATION_OMSORG("skill:dokumentation-omsorg"),
    HYGIEJNE_SMITTE("skill:hygiejne-smitte"),
    PERSONLIG_PLEJE("skill:personlig-pleje"),
    FORFLYTNING("skill:forflytning"),
    REHABILITERING("skill:rehabilitering"),
    DEMENS("skill:demens"),
    PAEDAGOGISK_ARBEJDE("skill:paedagogisk-arbejde"),
    BOERNEPASNING("skill:boernepasning"),
    SPROGSTIMULERING("skill:sprogstimulering"),
    FORAELDRESAMARBEJDE("skill:foraeldresamarbejde"),
    PLUKNING("skill:plukning"),
    VAREMODTAGELSE("skill:varemodtagelse"),
    LAGERSTYRING("skill:lagerstyring"),
    TRUCKKOERSEL("skill:truckkoersel"),
    LASTBILKOERSEL("skill:lastbilkoersel"),
    GODSSIKRING("skill:godssikring"),
    KOERE_HVILETID("skill:koere-hviletid"),
    RUTEPLANLAEGNING("skill:ruteplanlaegning"),
    KUNDESERVICE("skill:kundeservice"),
    KASSEBETJENING("skill:kassebetjening"),
    VAREPAAFYLDNING("skill:varepaafyldning"),
    SALG("skill:salg"),
    RENGOERING("skill:rengoering"),
    RENGOERINGSMIDLER("skill:rengoeringsmidler"),
    KONTORARBEJDE("skill:kontorarbejde"),
    OFFICE_PAKKEN("skill:office-pakken"),
    REGNEARK("skill:regneark"),
    BOGFOERING("skill:bogfoering"),
    JOURNALISERING("skill:journalisering"),
    SAMARBEJDE("skill:samarbejde"),
    IT_BRUGERNIVEAU("skill:it-brugerniveau"),
    DANSK_SKRIFTLIGT("skill:dansk-skriftligt");

    final String id;

    Skill(String id) {
      this.id = id;
    }
  }
}
