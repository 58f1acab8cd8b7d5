/**
 * The quality benchmark: how good the engine's rankings are, measured against a hidden truth and
 * against baselines in the same run (QUALITY.md at the repository root has the method and the
 * recorded numbers).
 *
 * <ul>
 *   <li>{@link dk.jobmatch.bench.quality.QualityTaxonomy}: the real ESCO graph and DISCO-08 with
 *       its Danish titles, the taxonomy the engine is given, and the Danish text mapper;
 *   <li>{@link dk.jobmatch.bench.quality.QualityDataset}: a labelled population — citizens with a
 *       hidden trade and noisy records, orders naming their occupation four ways, graded truth
 *       (same occupation 3, unit group 2, minor group 1), a train/test split; {@code
 *       QualityDataset.generate(seed, size, taxonomy)} is the entry point for tuning on the train
 *       split;
 *   <li>{@link dk.jobmatch.bench.quality.Metrics}: nDCG@k, recall@k, reciprocal rank, percentile
 *       bootstrap;
 *   <li>{@link dk.jobmatch.bench.quality.Ranker}: a system under test — {@link
 *       dk.jobmatch.bench.quality.EngineRanker} (the engine through its public API under a policy)
 *       or one of the {@link dk.jobmatch.bench.quality.Baselines};
 *   <li>{@link dk.jobmatch.bench.quality.QualityEvaluation}: runs a ranker over datasets and
 *       collects per-query metrics for {@code rank} and {@code suggest};
 *   <li>{@link dk.jobmatch.bench.quality.QualityBenchmark}: the command-line entry point that
 *       prints the report.
 * </ul>
 *
 * <p>Why generated data: a job centre's real outcomes are personal data and not available to the
 * project; a population drawn from the real ESCO graph, with its real skill overlaps and
 * hierarchy, and a truth hidden from every ranker is the closest public stand-in. Gates and the
 * municipality's policy components (education, distance, inclusion, shortage) are equalised in
 * the data, so the truth judges only the fit components it can judge.
 */
package dk.jobmatch.bench.quality;
