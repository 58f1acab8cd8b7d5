package dk.jobmatch.taxonomy;

import dk.jobmatch.model.JobOrder;
import dk.jobmatch.model.OccupationRef;
import dk.jobmatch.model.RequiredSkill;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.ScandinavianNormalizationFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.tartarus.snowball.ext.DanishStemmer;

/**
 * Maps Danish free text — a job order's title and description, a citizen's own words for their
 * skills — to occupations and skills of a {@link Taxonomy}, through the taxonomy's labels
 * ({@link Taxonomy#occupationLabels()}, {@link Taxonomy#skillLabels()}).
 *
 * <h2>How</h2>
 *
 * Every label is a document in a small in-memory Lucene index, analysed the Danish way: {@link
 * StandardTokenizer}, lower-casing, Scandinavian normalisation ({@code ae → æ}, {@code oe → ø},
 * {@code aa → å}, {@code ä → æ}, {@code ö → ø}, so "paedagog" finds "pædagog"), Danish stop words
 * and the Danish Snowball stemmer ("sygeplejersker" and "sygeplejerske" both become {@code
 * sygeplejersk}). A second field splits compound words into label words found inside them
 * ({@link DictionaryCompoundWordTokenFilter} with the labels' own vocabulary as dictionary), so
 * "nattevagtssygeplejerske" still finds "Sygeplejerske". Text is searched with title words
 * weighted twice description words, and each hit is rescored by how much of its label the text
 * covers: a label word found as a word counts fully, one found inside a compound counts 0.8, a
 * compound label word whose parts are all in the text counts 0.7. A concept's score is that of
 * its best label; candidates whose best label is less than half covered are dropped.
 *
 * <p>Each {@link Candidate} says which of the text's words matched which label, so the caseworker
 * can read why.
 *
 * <p>Scores are comparable within one call only. Results are deterministic: ties are broken by
 * concept id.
 *
 * <p>Immutable and thread-safe: build once per taxonomy and share. The index lives on the heap
 * (for the full ESCO export, some tens of MB) and needs no closing.
 */
public final class DanishTextMapper {
  /** Default number of occupation candidates of {@link #mapOrderText}. */
  public static final int DEFAULT_MAX_OCCUPATIONS = 10;
  /** Default number of skill candidates. */
  public static final int DEFAULT_MAX_SKILLS = 20;
  /** Candidates whose best label is covered less than this are dropped. */
  public static final double MIN_COVERAGE = 0.5;
  /** The most skills {@link #enrich} adds. */
  public static final int MAX_ENRICHED_SKILLS = 15;

  private static final String EXACT = "exact";
  private static final String PARTS = "parts";
  private static final String KIND = "kind";
  private static final String ORD = "ord";
  private static final double TITLE_WEIGHT = 2.0;
  private static final double PARTS_WEIGHT = 0.5;
  private static final int HITS = 300;
  private static final int MAX_QUERY_TERMS = 400;
  private static final int MIN_SUBWORD = 4;

  /** Whether a candidate is an occupation or a skill. */
  public enum Kind {
    /** An occupation: the candidate's id is an occupation reference. */
    OCCUPATION,
    /** A skill: the candidate's id is a skill id. */
    SKILL
  }

  /**
   * A concept the text may refer to.
   *
   * @param kind occupation or skill
   * @param id the skill id, or the occupation reference as text ({@code disco:532220}, an ESCO URI)
   * @param label the concept's label that matched best
   * @param matchedWords the words of the text (as written) that matched that label, in text order
   * @param coverage how much of the label the text covers, in (0, 1]
   * @param complete whether every word of the label was found (as a word, inside a compound, or as
   *     the parts of a compound)
   * @param score the relevance, comparable within one call only
   */
  public record Candidate(Kind kind, String id, String label, List<String> matchedWords, double coverage,
      boolean complete, double score) {
    /** Copies the word list. */
    public Candidate {
      matchedWords = List.copyOf(matchedWords);
    }

    /**
     * The occupation reference of an occupation candidate.
     *
     * @return the id parsed as an occupation reference
     * @throws IllegalStateException for a skill candidate
     */
    public OccupationRef occupation() {
      if (kind != Kind.OCCUPATION) {
        throw new IllegalStateException("candidate " + id + " is a skill, not an occupation");
      }
      return OccupationRef.parse(id);
    }

    /**
     * For explanations: {@code "sygeplejersker" → Sygeplejerske}.
     *
     * @return the matched words, quoted and comma-separated, an arrow and the label
     */
    public String explanation() {
      return String.join(", ", matchedWords.stream().map(w -> "\"" + w + "\"").toList()) + " → " + label;
    }
  }

  /**
   * What a job order's text refers to.
   *
   * @param occupations occupation candidates, best first
   * @param skills skill candidates, best first
   */
  public record OrderMapping(List<Candidate> occupations, List<Candidate> skills) {
    /** Copies the lists. */
    public OrderMapping {
      occupations = List.copyOf(occupations);
      skills = List.copyOf(skills);
    }
  }

  private final Analyzer exactAnalyzer;
  private final Analyzer partsAnalyzer;
  private final IndexSearcher searcher;
  private final String[] labelText;
  private final int[] labelConcept;
  private final String[] conceptId;
  private final Kind[] conceptKind;

  private DanishTextMapper(Analyzer exact, Analyzer parts, IndexSearcher searcher, List<String> labels,
      int[] labelConcept, List<String> ids, List<Kind> kinds) {
    this.exactAnalyzer = exact;
    this.partsAnalyzer = parts;
    this.searcher = searcher;
    this.labelText = labels.toArray(String[]::new);
    this.labelConcept = labelConcept;
    this.conceptId = ids.toArray(String[]::new);
    this.conceptKind = kinds.toArray(Kind[]::new);
  }

  /**
   * Builds the mapper from the taxonomy's labels. A taxonomy without labels gives a mapper that
   * finds nothing.
   *
   * @param taxonomy the taxonomy whose occupation and skill labels are indexed
   * @return the mapper; immutable and thread-safe
   * @throws NullPointerException if {@code taxonomy} is null
   */
  public static DanishTextMapper build(Taxonomy taxonomy) {
    Objects.requireNonNull(taxonomy, "taxonomy");
    List<String> ids = new ArrayList<>();
    List<Kind> kinds = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Integer> concept = new ArrayList<>();
    for (Map.Entry<OccupationRef, List<String>> e : taxonomy.occupationLabels().entrySet()) {
      add(e.getKey().toString(), Kind.OCCUPATION, e.getValue(), ids, kinds, labels, concept);
    }
    for (Map.Entry<String, List<String>> e : taxonomy.skillLabels().entrySet()) {
      add(e.getKey(), Kind.SKILL, e.getValue(), ids, kinds, labels, concept);
    }
    CharArraySet stop = DanishAnalyzer.getDefaultStopSet();
    CharArraySet dictionary = new CharArraySet(1024, false);
    Analyzer words = new DanishChain(stop, null, false);
    for (String label : labels) {
      for (Tok t : analyze(words, EXACT, label, 0)) {
        if (t.term().length() >= MIN_SUBWORD) {
          dictionary.add(t.term());
        }
      }
    }
    Analyzer exact = new DanishChain(stop, null, true);
    Analyzer parts = new DanishChain(stop, CharArraySet.unmodifiableSet(dictionary), true);
    try {
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      IndexWriterConfig cfg = new IndexWriterConfig(new PerFieldAnalyzerWrapper(exact, Map.of(PARTS, parts)))
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setRAMBufferSizeMB(256);
      try (IndexWriter w = new IndexWriter(dir, cfg)) {
        for (int i = 0; i < labels.size(); i++) {
          Document d = new Document();
          d.add(new TextField(EXACT, labels.get(i), Field.Store.NO));
          d.add(new TextField(PARTS, labels.get(i), Field.Store.NO));
          d.add(new StringField(KIND, kinds.get(concept.get(i)).name(), Field.Store.NO));
          d.add(new StoredField(ORD, i));
          w.addDocument(d);
        }
        w.forceMerge(1);
        w.commit();
      }
      IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
      return new DanishTextMapper(exact, parts, searcher, labels,
          concept.stream().mapToInt(Integer::intValue).toArray(), ids, kinds);
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory index failed", e);
    }
  }

  private static void add(String id, Kind kind, List<String> conceptLabels, List<String> ids, List<Kind> kinds,
      List<String> labels, List<Integer> concept) {
    int c = ids.size();
    ids.add(id);
    kinds.add(kind);
    for (String l : new LinkedHashSet<>(conceptLabels)) {
      if (l != null && !l.isBlank()) {
        labels.add(l.strip());
        concept.add(c);
      }
    }
  }

  /**
   * The occupations and skills a job order's title and description refer to, best first (at most
   * {@value #DEFAULT_MAX_OCCUPATIONS} occupations and {@value #DEFAULT_MAX_SKILLS} skills). Title
   * words weigh twice description words.
   *
   * @param title the title, or {@code null}
   * @param description the description, or {@code null}
   * @return the occupations and the skills found, each list best first; empty lists when the text
   *     names none
   */
  public OrderMapping mapOrderText(String title, String description) {
    return mapOrderText(title, description, DEFAULT_MAX_OCCUPATIONS, DEFAULT_MAX_SKILLS);
  }

  /**
   * As {@link #mapOrderText(String, String)} with explicit limits.
   *
   * @param title the title, or {@code null}
   * @param description the description, or {@code null}
   * @param maxOccupations the most occupations returned, at least 0
   * @param maxSkills the most skills returned, at least 0
   * @return the occupations and the skills found, each list best first
   * @throws IllegalArgumentException if a limit is negative
   */
  public OrderMapping mapOrderText(String title, String description, int maxOccupations, int maxSkills) {
    Query q = new Query(title, description);
    return new OrderMapping(search(q, Kind.OCCUPATION, maxOccupations), search(q, Kind.SKILL, maxSkills));
  }

  /**
   * The skills a citizen's free text refers to ("truckcertifikat, rengøring på hospital"), best
   * first, at most {@value #DEFAULT_MAX_SKILLS}.
   *
   * @param freeText the text, or {@code null}
   * @return an unmodifiable list of skill candidates, best first; empty when the text names none
   */
  public List<Candidate> mapSkillText(String freeText) {
    return mapSkillText(freeText, DEFAULT_MAX_SKILLS);
  }

  /**
   * As {@link #mapSkillText(String)} with an explicit limit.
   *
   * @param freeText the text, or {@code null}
   * @param max the most skills returned, at least 0
   * @return an unmodifiable list of skill candidates, best first
   * @throws IllegalArgumentException if {@code max} is negative
   */
  public List<Candidate> mapSkillText(String freeText, int max) {
    return search(new Query(null, freeText), Kind.SKILL, max);
  }

  /**
   * The occupations a free text refers to (e.g. a citizen's job wish), best first, at most
   * {@value #DEFAULT_MAX_OCCUPATIONS}.
   *
   * @param freeText the text, or {@code null}
   * @return an unmodifiable list of occupation candidates, best first; empty when the text names
   *     none
   */
  public List<Candidate> mapOccupationText(String freeText) {
    return search(new Query(freeText, null), Kind.OCCUPATION, DEFAULT_MAX_OCCUPATIONS);
  }

  /**
   * An order with required skills found in its own text, when it has none: skills whose label the
   * title covers completely become essential, those the description alone covers completely become
   * optional (at most {@value #MAX_ENRICHED_SKILLS} in all). An order that already has required
   * skills, or whose text names no skill completely, is returned unchanged (the same instance).
   *
   * @param order the order
   * @return the order with the skills found added as required skills, or {@code order} itself
   * @throws NullPointerException if {@code order} is null
   */
  public JobOrder enrich(JobOrder order) {
    Objects.requireNonNull(order, "order");
    if (!order.requiredSkills().isEmpty() || (blank(order.title()) && blank(order.description()))) {
      return order;
    }
    Map<String, RequiredSkill> found = new LinkedHashMap<>();
    if (!blank(order.title())) {
      for (Candidate c : search(new Query(order.title(), null), Kind.SKILL, MAX_ENRICHED_SKILLS)) {
        if (c.complete()) {
          found.put(c.id(), RequiredSkill.essential(c.id()));
        }
      }
    }
    if (!blank(order.description())) {
      for (Candidate c : search(new Query(null, order.description()), Kind.SKILL, MAX_ENRICHED_SKILLS)) {
        if (c.complete() && found.size() < MAX_ENRICHED_SKILLS) {
          found.putIfAbsent(c.id(), RequiredSkill.optional(c.id()));
        }
      }
    }
    if (found.isEmpty()) {
      return order;
    }
    return order.toBuilder().requiredSkills(found.values()).build();
  }

  /**
   * The number of labels indexed.
   *
   * @return the number of occupation and skill labels the mapper searches
   */
  public int labelCount() {
    return labelText.length;
  }

  @Override
  public String toString() {
    return "DanishTextMapper[" + conceptId.length + " concepts, " + labelText.length + " labels]";
  }

  // ---- search ----

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** One analysed token: its term, the text segment (0 title, 1 description), and its span. */
  private record Tok(String term, int segment, int start, int end) {}

  /** The analysed text of one request. */
  private final class Query {
    final String[] texts;
    final List<Tok> exact = new ArrayList<>();
    final List<Tok> parts = new ArrayList<>();
    final Map<String, List<Tok>> exactByTerm = new HashMap<>();
    final Map<String, List<Tok>> partsByTerm = new HashMap<>();

    Query(String title, String description) {
      texts = new String[] {title == null ? "" : title, description == null ? "" : description};
      for (int seg = 0; seg < 2; seg++) {
        exact.addAll(analyze(exactAnalyzer, EXACT, texts[seg], seg));
        parts.addAll(analyze(partsAnalyzer, PARTS, texts[seg], seg));
      }
      exact.forEach(t -> exactByTerm.computeIfAbsent(t.term(), k -> new ArrayList<>()).add(t));
      parts.forEach(t -> partsByTerm.computeIfAbsent(t.term(), k -> new ArrayList<>()).add(t));
    }

    boolean isEmpty() {
      return exact.isEmpty() && parts.isEmpty();
    }

    /** The whole word of the text a token (or a compound part) belongs to. */
    String word(Tok t) {
      for (Tok e : exact) {
        if (e.segment() == t.segment() && e.start() <= t.start() && t.end() <= e.end()) {
          return texts[e.segment()].substring(e.start(), e.end());
        }
      }
      return texts[t.segment()].substring(t.start(), t.end());
    }

    org.apache.lucene.search.Query lucene(Kind kind) {
      BooleanQuery.Builder b = new BooleanQuery.Builder();
      b.add(new TermQuery(new Term(KIND, kind.name())), BooleanClause.Occur.FILTER);
      addTerms(b, EXACT, exactByTerm, 1.0);
      addTerms(b, PARTS, partsByTerm, PARTS_WEIGHT);
      b.setMinimumNumberShouldMatch(1);
      return b.build();
    }

    private void addTerms(BooleanQuery.Builder b, String field, Map<String, List<Tok>> byTerm, double factor) {
      // Title terms first, so a long description cannot push them out of the clause limit.
      List<Map.Entry<String, List<Tok>>> terms = new ArrayList<>(byTerm.entrySet());
      terms.sort(Comparator.comparingDouble((Map.Entry<String, List<Tok>> e) -> -weight(e.getValue()))
          .thenComparing(Map.Entry::getKey));
      for (int i = 0; i < Math.min(MAX_QUERY_TERMS, terms.size()); i++) {
        Map.Entry<String, List<Tok>> e = terms.get(i);
        b.add(new BoostQuery(new TermQuery(new Term(field, e.getKey())), (float) (factor * weight(e.getValue()))),
            BooleanClause.Occur.SHOULD);
      }
    }

    private double weight(List<Tok> toks) {
      boolean inTitle = toks.stream().anyMatch(t -> t.segment() == 0);
      return inTitle ? TITLE_WEIGHT : 1.0;
    }
  }

  private List<Candidate> search(Query q, Kind kind, int max) {
    if (max < 0) {
      throw new IllegalArgumentException("max: '" + max + "' must not be negative");
    }
    if (max == 0 || q.isEmpty() || labelText.length == 0) {
      return List.of();
    }
    try {
      TopDocs top = searcher.search(q.lucene(kind), HITS);
      StoredFields stored = searcher.storedFields();
      Map<Integer, Candidate> best = new HashMap<>();
      for (ScoreDoc sd : top.scoreDocs) {
        int ord = stored.document(sd.doc).getField(ORD).numericValue().intValue();
        Candidate c = rescore(q, ord, sd.score);
        if (c == null) {
          continue;
        }
        int concept = labelConcept[ord];
        Candidate prev = best.get(concept);
        if (prev == null || c.score() > prev.score()) {
          best.put(concept, c);
        }
      }
      List<Candidate> out = new ArrayList<>(best.values());
      out.sort(Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::id));
      return List.copyOf(out.subList(0, Math.min(max, out.size())));
    } catch (IOException e) {
      throw new UncheckedIOException("in-memory index failed", e);
    }
  }

  /** Rescores one label hit by how much of the label the text covers; null if too little. */
  private Candidate rescore(Query q, int ord, float luceneScore) {
    String label = labelText[ord];
    List<Tok> labelExact = analyze(exactAnalyzer, EXACT, label, 0);
    if (labelExact.isEmpty()) {
      return null;
    }
    List<Tok> labelParts = null; // analysed only if a label word is not found whole
    Map<Integer, Tok> textWords = new java.util.TreeMap<>(); // segment*1M + start → token, for text order
    double sum = 0;
    boolean complete = true;
    Set<String> seen = new LinkedHashSet<>();
    int terms = 0;
    for (Tok lt : labelExact) {
      if (!seen.add(lt.term())) {
        continue; // a label repeating a word should not count it twice
      }
      terms++;
      List<Tok> hits = q.exactByTerm.get(lt.term());
      if (hits != null) {
        sum += 1.0;
        hits.forEach(t -> textWords.put(t.segment() * 1_000_000 + t.start(), t));
        continue;
      }
      hits = q.partsByTerm.get(lt.term());
      if (hits != null) {
        sum += 0.8;
        hits.forEach(t -> textWords.put(t.segment() * 1_000_000 + t.start(), t));
        continue;
      }
      // The label word is a compound: credit the share of its parts that the text has.
      if (labelParts == null) {
        labelParts = analyze(partsAnalyzer, PARTS, label, 0);
      }
      List<String> partTerms = new ArrayList<>();
      for (Tok p : labelParts) {
        if (p.start() >= lt.start() && p.end() <= lt.end() && !p.term().equals(lt.term())) {
          partTerms.add(p.term());
        }
      }
      int matched = 0;
      for (String pt : new LinkedHashSet<>(partTerms)) {
        List<Tok> ph = q.exactByTerm.getOrDefault(pt, q.partsByTerm.get(pt));
        if (ph != null) {
          matched++;
          ph.forEach(t -> textWords.put(t.segment() * 1_000_000 + t.start(), t));
        }
      }
      int distinct = new LinkedHashSet<>(partTerms).size();
      if (distinct > 0 && matched > 0) {
        sum += 0.7 * matched / distinct;
        complete &= matched == distinct;
      } else {
        complete = false;
      }
    }
    double coverage = sum / terms;
    if (coverage < MIN_COVERAGE) {
      return null;
    }
    Set<String> words = new LinkedHashSet<>();
    for (Tok t : textWords.values()) {
      words.add(q.word(t));
    }
    int concept = labelConcept[ord];
    double score = luceneScore * (0.25 + 0.75 * coverage);
    return new Candidate(conceptKind[concept], conceptId[concept], label, List.copyOf(words), coverage, complete,
        score);
  }

  private static List<Tok> analyze(Analyzer analyzer, String field, String text, int segment) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Tok> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute off = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(new Tok(term.toString(), segment, off.startOffset(), off.endOffset()));
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of a string failed", e);
    }
    return out;
  }

  /**
   * The Danish analysis chain: standard tokenizer, lower case, Scandinavian normalisation, Danish
   * stop words, then optionally compound splitting against a dictionary and the Danish Snowball
   * stemmer.
   */
  private static final class DanishChain extends Analyzer {
    private final CharArraySet stop;
    private final CharArraySet dictionary;
    private final boolean stem;

    DanishChain(CharArraySet stop, CharArraySet dictionary, boolean stem) {
      this.stop = stop;
      this.dictionary = dictionary;
      this.stem = stem;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream t = new LowerCaseFilter(source);
      // Normalise before the stop filter so "paa" is recognised as the stop word "på".
      t = new ScandinavianNormalizationFilter(t);
      t = new StopFilter(t, stop);
      if (dictionary != null) {
        t = new DictionaryCompoundWordTokenFilter(t, dictionary, MIN_SUBWORD + 1, MIN_SUBWORD, 20, true);
      }
      if (stem) {
        t = new SnowballFilter(t, new DanishStemmer());
      }
      return new TokenStreamComponents(source, t);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new ScandinavianNormalizationFilter(new LowerCaseFilter(in));
    }
  }
}
