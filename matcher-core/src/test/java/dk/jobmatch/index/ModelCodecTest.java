package dk.jobmatch.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.jobmatch.model.CefrLevel;
import dk.jobmatch.model.Citizen;
import dk.jobmatch.model.CompensationScheme;
import dk.jobmatch.model.Education;
import dk.jobmatch.model.Employer;
import dk.jobmatch.model.EmploymentType;
import dk.jobmatch.model.Experience;
import dk.jobmatch.model.Fleksjob;
import dk.jobmatch.model.HoursRange;
import dk.jobmatch.model.JobGoal;
import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.LanguageRequirement;
import dk.jobmatch.model.LanguageSkill;
import dk.jobmatch.model.Limits;
import dk.jobmatch.model.Location;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RarArea;
import dk.jobmatch.model.RequiredSkill;
import dk.jobmatch.model.SkillHolding;
import dk.jobmatch.model.TargetGroup;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link ModelCodec}: round trips in which every field holds a value no other field holds (so a
 * field written in one place and read into another shows), the absent values of every optional
 * field, a list at exactly its limit, the byte layout of the smallest citizen worked out by hand,
 * a version-1 record (16-bit list sizes), and every kind of corrupt record with the message it
 * gives (which names no value).
 */
class ModelCodecTest {

  private static Citizen roundTrip(Citizen c) {
    byte[] b = ModelCodec.encode(c);
    // Decode from the middle of a larger array: offset and length must be honoured.
    byte[] padded = new byte[b.length + 7];
    Arrays.fill(padded, (byte) 0x5A);
    System.arraycopy(b, 0, padded, 3, b.length);
    return ModelCodec.decodeCitizen(padded, 3, b.length);
  }

  private static JobOrder roundTrip(JobOrder o) {
    byte[] b = ModelCodec.encode(o);
    byte[] padded = new byte[b.length + 5];
    Arrays.fill(padded, (byte) 0x33);
    System.arraycopy(b, 0, padded, 2, b.length);
    return ModelCodec.decodeOrder(padded, 2, b.length);
  }

  /** Every field set, every value distinct from the others (numbers, dates, flags, levels). */
  static Citizen fullCitizen() {
    return Citizen.builder("cit-full")
        .targetGroup(TargetGroup.LEDIGHEDSYDELSE) // the last constant: ordinal 7
        .jobReady(false)
        .searchable(true)
        .unemployedSince(LocalDate.of(1969, 12, 30)) // epoch day -2
        .availableFrom(LocalDate.of(2027, 3, 14))
        .location(new Location("8000", 56.15, 10.21))
        .maxCommuteKm(37.5)
        .hoursPerWeek(0, 29) // a minimum of 0 is a range, not "any"
        .jobGoal(new JobGoal(OccupationRef.parse("isco:2512"), 3))
        .jobGoal(new JobGoal(OccupationRef.parse("disco:251210"), 1))
        .experience(new Experience(OccupationRef.parse("http://data.europa.eu/esco/occupation/abc"), 4.25, 2019))
        .experience(new Experience(OccupationRef.parse("isco:7411"), 0.5, null))
        .skill(new SkillHolding("skill-b", 2021))
        .skill(new SkillHolding("skill-a", null))
        .skill(new SkillHolding("skill-c", 1999))
        .education(new Education(6, "datalogi", 2011))
        .certificate("TRUCK_B")
        .certificate("FORKLIFT_A")
        .language(new LanguageSkill("da", CefrLevel.C2))
        .language(new LanguageSkill("en", CefrLevel.B1))
        .language(new LanguageSkill("de", CefrLevel.A1))
        .fleksjob(new Fleksjob(true, 23))
        .compensation(CompensationScheme.PERSONAL_ASSISTANCE)
        .compensation(CompensationScheme.FORTRINSADGANG)
        .build();
  }

  @Test
  void aCitizenWithEveryFieldComesBackEqual() {
    Citizen c = fullCitizen();
    Citizen back = roundTrip(c);
    assertEquals(c, back);
    // The record's equals compares lists in order and sets as sets; spell out the fields a
    // mix-up would most likely hit.
    assertEquals(TargetGroup.LEDIGHEDSYDELSE, back.targetGroup());
    assertFalse(back.jobReady());
    assertTrue(back.searchable());
    assertEquals(LocalDate.of(1969, 12, 30), back.unemployedSince());
    assertEquals(LocalDate.of(2027, 3, 14), back.availableFrom());
    assertEquals(new Location("8000", 56.15, 10.21), back.location());
    assertEquals(37.5, back.maxCommuteKm());
    assertEquals(new HoursRange(0, 29), back.hoursPerWeek());
    assertEquals(List.of(3, 1), back.jobGoals().stream().map(JobGoal::priority).toList());
    assertEquals(2019, back.experience().get(0).lastYear());
    assertNull(back.experience().get(1).lastYear());
    assertEquals(4.25, back.experience().get(0).years());
    assertEquals(List.of("skill-b", "skill-a", "skill-c"), back.skills().stream().map(SkillHolding::id).toList());
    assertEquals(new Education(6, "datalogi", 2011), back.education());
    assertEquals(Set.of("TRUCK_B", "FORKLIFT_A"), back.certificates());
    assertEquals(List.of(CefrLevel.C2, CefrLevel.B1, CefrLevel.A1),
        back.languages().stream().map(LanguageSkill::level).toList());
    assertEquals(new Fleksjob(true, 23), back.fleksjob());
    assertEquals(EnumSet.of(CompensationScheme.PERSONAL_ASSISTANCE, CompensationScheme.FORTRINSADGANG),
        back.compensation());
  }

  @Test
  void theOtherFlagsAndTheOtherSchemeComeBackToo() {
    // The complement of fullCitizen's flags and schemes: jobReady true, searchable false, AIDS
    // only, a fleksjob not approved, a location without a postal code.
    Citizen c = Citizen.builder("cit-other")
        .targetGroup(TargetGroup.A_DAGPENGE) // ordinal 0
        .jobReady(true)
        .searchable(false)
        .location(new Location(null, 55.0, 12.5))
        .fleksjob(new Fleksjob(false, 80))
        .education(new Education(1, null, null))
        .compensation(CompensationScheme.AIDS)
        .build();
    Citizen back = roundTrip(c);
    assertEquals(c, back);
    assertTrue(back.jobReady());
    assertFalse(back.searchable());
    assertEquals(TargetGroup.A_DAGPENGE, back.targetGroup());
    assertEquals(EnumSet.of(CompensationScheme.AIDS), back.compensation());
    assertEquals(new Fleksjob(false, 80), back.fleksjob());
    assertNull(back.location().postalCode());
    assertNull(back.education().field());
    assertNull(back.education().completedYear());
  }

  @Test
  void aCitizenWithNothingOptionalComesBackWithNothing() {
    Citizen c = Citizen.builder("c1").build();
    Citizen back = roundTrip(c);
    assertEquals(c, back);
    assertNull(back.targetGroup());
    assertNull(back.unemployedSince());
    assertNull(back.availableFrom());
    assertNull(back.location());
    assertNull(back.maxCommuteKm());
    assertNull(back.hoursPerWeek());
    assertNull(back.education());
    assertNull(back.fleksjob());
    assertTrue(back.compensation().isEmpty());
  }

  @Test
  void theSmallestCitizenHasTheDocumentedLayout() throws IOException {
    // Worked out from the format: version 2; id "c1" (modified UTF-8: length 2, 'c', '1');
    // targetGroup absent (-1); jobReady and searchable true (the builder's defaults); two absent
    // dates (Long.MIN_VALUE each); no location (false); no commute limit (NaN); no hours (-1,
    // -1); five empty lists (32-bit sizes: jobGoals, experience, skills) and no education
    // between skills and certificates; then certificates, languages, no fleksjob, no schemes.
    ByteArrayOutputStream want = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(want);
    d.writeByte(2);
    d.writeByte(0);
    d.writeByte(2);
    d.writeByte('c');
    d.writeByte('1');
    d.writeByte(0xFF);
    d.writeByte(1);
    d.writeByte(1);
    d.writeLong(0x8000_0000_0000_0000L);
    d.writeLong(0x8000_0000_0000_0000L);
    d.writeByte(0);
    d.writeLong(0x7FF8_0000_0000_0000L);
    d.writeByte(0xFF);
    d.writeByte(0xFF);
    d.writeInt(0); // jobGoals
    d.writeInt(0); // experience
    d.writeInt(0); // skills
    d.writeByte(0); // no education
    d.writeInt(0); // certificates
    d.writeInt(0); // languages
    d.writeByte(0); // no fleksjob
    d.writeByte(0); // no compensation scheme
    assertArrayEquals(want.toByteArray(), ModelCodec.encode(Citizen.builder("c1").build()));
  }

  @Test
  void theSchemesAreOneBitEachInTheOrderOfTheirDeclaration() {
    Citizen c = Citizen.builder("c1").compensation(CompensationScheme.FORTRINSADGANG).build();
    byte[] b = ModelCodec.encode(c);
    assertEquals(0b100, b[b.length - 1], "FORTRINSADGANG is the third constant: bit 2");
    c = Citizen.builder("c1").compensation(CompensationScheme.PERSONAL_ASSISTANCE).compensation(CompensationScheme.AIDS).build();
    b = ModelCodec.encode(c);
    assertEquals(0b011, b[b.length - 1]);
  }

  @Test
  void aVersionOneRecordWithSixteenBitSizesIsRead() throws IOException {
    // Version 1 differs only in the list sizes: unsigned 16 bits.
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream d = new DataOutputStream(bytes);
    d.writeByte(1);
    d.writeUTF("old");
    d.writeByte(TargetGroup.KONTANTHJAELP.ordinal());
    d.writeBoolean(true);
    d.writeBoolean(true);
    d.writeLong(Long.MIN_VALUE);
    d.writeLong(LocalDate.of(2020, 1, 2).toEpochDay());
    d.writeBoolean(false);
    d.writeDouble(12.0);
    d.writeByte(10);
    d.writeByte(20);
    d.writeShort(1); // jobGoals
    d.writeUTF("isco:5223");
    d.writeByte(2);
    d.writeShort(0); // experience
    d.writeShort(2); // skills
    d.writeUTF("s1");
    d.writeShort(2015);
    d.writeUTF("s2");
    d.writeShort(0);
    d.writeBoolean(false);
    d.writeShort(1); // certificates
    d.writeUTF("CERT");
    d.writeShort(1); // languages
    d.writeUTF("da");
    d.writeByte(CefrLevel.B2.ordinal());
    d.writeBoolean(false);
    d.writeByte(0);
    byte[] b = bytes.toByteArray();
    Citizen c = ModelCodec.decodeCitizen(b, 0, b.length);
    Citizen want = Citizen.builder("old")
        .targetGroup(TargetGroup.KONTANTHJAELP)
        .availableFrom(LocalDate.of(2020, 1, 2))
        .maxCommuteKm(12.0)
        .hoursPerWeek(10, 20)
        .jobGoal("isco:5223", 2)
        .skill("s1", 2015)
        .skill("s2")
        .certificate("CERT")
        .language("da", CefrLevel.B2)
        .build();
    assertEquals(want, c);
  }

  @Test
  void listsAtExactlyTheirLimitAreWrittenAndRead() {
    Citizen.Builder b = Citizen.builder("many");
    for (int i = 0; i < Limits.CITIZEN_LANGUAGES; i++) {
      b.language(new LanguageSkill("" + (char) ('a' + i / 26) + (char) ('a' + i % 26), CefrLevel.values()[i % 6]));
    }
    Citizen c = b.build();
    assertEquals(Limits.CITIZEN_LANGUAGES, c.languages().size());
    assertEquals(c, roundTrip(c));
    JobOrder.Builder o = JobOrder.builder("o-many", "isco:2512");
    for (int i = 0; i < Limits.ORDER_LANGUAGES; i++) {
      o.language(new LanguageRequirement("" + (char) ('a' + i / 26) + (char) ('a' + i % 26), CefrLevel.A2));
    }
    JobOrder order = o.build();
    assertEquals(order, roundTrip(order));
  }

  /** Every field set, every value distinct. */
  static JobOrder fullOrder() {
    return JobOrder.builder("ord-full", "disco:251210")
        .title("Udvikler")
        .description("Skriver kode")
        .employer(new Employer("12345678", "1234567890", "Kommunen", true, false, new Location("9000", 57.05, 9.92)))
        .rarArea(RarArea.VESTJYLLAND) // the last constant
        .employmentType(EmploymentType.INTERNSHIP) // the last constant
        .acceptsFleksjob(true)
        .requiredSkill(RequiredSkill.essential("skill-x"))
        .requiredSkill(RequiredSkill.optional("skill-y"))
        .requiredSkill(RequiredSkill.essential("skill-z"))
        .minEducationLevel(5)
        .certificate("C_B")
        .certificate("C_A")
        .language(new LanguageRequirement("da", CefrLevel.B2))
        .language(new LanguageRequirement("en", CefrLevel.C1))
        .hoursPerWeek(0, 37)
        .positions(3)
        .maxCandidates(17)
        .startDate(LocalDate.of(2027, 2, 1))
        .deadline(LocalDate.of(2027, 1, 15))
        .build();
  }

  @Test
  void anOrderWithEveryFieldComesBackEqual() {
    JobOrder o = fullOrder();
    JobOrder back = roundTrip(o);
    assertEquals(o, back);
    assertEquals("Udvikler", back.title());
    assertEquals("Skriver kode", back.description());
    assertEquals(new Employer("12345678", "1234567890", "Kommunen", true, false, new Location("9000", 57.05, 9.92)),
        back.employer());
    assertEquals(RarArea.VESTJYLLAND, back.rarArea());
    assertEquals(EmploymentType.INTERNSHIP, back.employmentType());
    assertTrue(back.acceptsFleksjob());
    assertEquals(List.of(true, false, true), back.requiredSkills().stream().map(RequiredSkill::essential).toList());
    assertEquals(5, back.minEducationLevel());
    assertEquals(Set.of("C_A", "C_B"), back.certificates());
    assertEquals(List.of(CefrLevel.B2, CefrLevel.C1), back.languages().stream().map(LanguageRequirement::minLevel).toList());
    assertEquals(new HoursRange(0, 37), back.hoursPerWeek());
    assertEquals(3, back.positions());
    assertEquals(17, back.maxCandidates());
    assertEquals(LocalDate.of(2027, 2, 1), back.startDate());
    assertEquals(LocalDate.of(2027, 1, 15), back.deadline());
  }

  @Test
  void anOrderWithNothingOptionalAndAnEmployerWithNothingComeBack() {
    JobOrder bare = JobOrder.builder("o1", "isco:2512").build();
    JobOrder back = roundTrip(bare);
    assertEquals(bare, back);
    assertNull(back.title());
    assertNull(back.employer());
    assertNull(back.rarArea());
    assertEquals(EmploymentType.ORDINARY, back.employmentType());
    assertNull(back.minEducationLevel());
    assertNull(back.maxCandidates());
    assertNull(back.hoursPerWeek());
    assertNull(back.startDate());
    assertNull(back.deadline());
    // The employer's flags the other way round from fullOrder, and nothing else.
    JobOrder emptyEmployer = bare.toBuilder().employer(new Employer(null, null, null, false, true, null))
        .acceptsFleksjob(false).rarArea(RarArea.HOVEDSTADEN).build();
    JobOrder back2 = roundTrip(emptyEmployer);
    assertEquals(emptyEmployer, back2);
    assertFalse(back2.employer().isPublic());
    assertTrue(back2.employer().disabilityFriendly());
    assertNull(back2.employer().location());
    assertFalse(back2.acceptsFleksjob());
  }

  // ---- corrupt records --------------------------------------------------------------------

  private static String citizenFailure(byte[] b) {
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ModelCodec.decodeCitizen(b, 0, b.length));
    assertNull(e.getCause().getCause(), "no lower layer's exception travels with it");
    String m = e.getMessage();
    assertTrue(m.startsWith("java.io.IOException: stored citizen record is corrupt or unreadable: "), m);
    assertFalse(m.contains("cit-full"), "the message names no value: " + m);
    return m;
  }

  private static String orderFailure(byte[] b) {
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ModelCodec.decodeOrder(b, 0, b.length));
    String m = e.getMessage();
    assertTrue(m.contains("stored job order record is corrupt or unreadable: "), m);
    assertFalse(m.contains("ord-full"), "the message names no value: " + m);
    return m;
  }

  @Test
  void aNewerVersionIsRefusedByName() {
    byte[] b = ModelCodec.encode(fullCitizen());
    b[0] = 3;
    assertTrue(citizenFailure(b).contains("format version 3, this library reads 1 and 2"));
    b[0] = 0;
    assertTrue(citizenFailure(b).contains("format version 0,"));
    byte[] o = ModelCodec.encode(fullOrder());
    o[0] = 3;
    assertTrue(orderFailure(o).contains("format version 3,"));
  }

  @Test
  void aRecordCutShortOrWithBytesLeftOverIsRefused() {
    byte[] b = ModelCodec.encode(fullCitizen());
    for (int cut : new int[] {1, b.length / 2, b.length - 1}) {
      byte[] shorter = Arrays.copyOf(b, cut);
      assertTrue(citizenFailure(shorter).contains("the record is cut short"), "cut at " + cut);
    }
    byte[] longer = Arrays.copyOf(b, b.length + 1);
    assertTrue(citizenFailure(longer).contains("bytes left over after the record"));
    byte[] o = ModelCodec.encode(fullOrder());
    assertTrue(orderFailure(Arrays.copyOf(o, o.length - 1)).contains("the record is cut short"));
    assertTrue(orderFailure(Arrays.copyOf(o, o.length + 2)).contains("bytes left over after the record"));
  }

  @Test
  void aListSizeOutOfRangeIsRefusedBeforeAnythingIsRead() throws IOException {
    // The smallest citizen's jobGoals size sits right after the hours (offset 35, see the layout
    // test): a negative size and one above the limit are both refused by name.
    byte[] b = ModelCodec.encode(Citizen.builder("c1").build());
    int at = 1 + 4 + 1 + 2 + 16 + 1 + 8 + 2;
    assertEquals(35, at);
    for (int size : new int[] {-1, Limits.CITIZEN_JOB_GOALS + 1}) {
      byte[] c = b.clone();
      c[at] = (byte) (size >>> 24);
      c[at + 1] = (byte) (size >>> 16);
      c[at + 2] = (byte) (size >>> 8);
      c[at + 3] = (byte) size;
      assertTrue(citizenFailure(c).contains("jobGoals: list size out of range"), "size " + size);
    }
  }

  @Test
  void aValueTheModelRefusesIsRefusedWithTheModelsMessage() {
    // Hours min 30 > max 20: written by hand over the smallest citizen (offsets 33, 34).
    byte[] b = ModelCodec.encode(Citizen.builder("c1").build());
    b[33] = 30;
    b[34] = 20;
    assertTrue(citizenFailure(b).contains("hoursPerWeek"), "the model's message names the field");
  }

  @Test
  void anUnknownEnumConstantIsRefusedByTheKindOfFailure() {
    // targetGroup's ordinal (offset 5) beyond the last constant.
    byte[] b = ModelCodec.encode(Citizen.builder("c1").build());
    b[5] = 100;
    assertTrue(citizenFailure(b).endsWith(
        "ArrayIndexOutOfBoundsException (restore the index from a backup, or rebuild it from the source data)"));
  }

  @Test
  void aMalformedStringIsRefusedByTheKindOfFailure() {
    // The id's first byte 0xFF is no modified UTF-8: UTFDataFormatException, an IOException of
    // a subclass, named by its class.
    byte[] b = ModelCodec.encode(Citizen.builder("c1").build());
    b[3] = (byte) 0xFF;
    assertTrue(citizenFailure(b).contains("UTFDataFormatException"));
  }
}
