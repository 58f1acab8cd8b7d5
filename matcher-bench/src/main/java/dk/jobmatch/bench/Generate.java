package dk.jobmatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a generated population as JSON Lines (docs/cli.md) for CLI tests and analysts.
 *
 * <p>Usage: {@code java -cp matcher-bench/target/benchmarks.jar dk.jobmatch.bench.Generate
 * --citizens 20000 --orders 500 [--seed 42] [--esco DIR | --synthetic] --out DIR}; writes {@code
 * DIR/citizens.jsonl} and {@code DIR/orders.jsonl}.
 */
public final class Generate {
  private Generate() {}

  /**
   * Generates and writes.
   *
   * @param args see the class comment
   * @throws Exception if the files cannot be written or ESCO cannot be read
   */
  public static void main(String[] args) throws Exception {
    int citizens = 1000;
    int orders = 100;
    long seed = BenchData.SEED;
    Path esco = PopulationGenerator.defaultEscoDir().orElse(null);
    boolean synthetic = false;
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--citizens" -> citizens = Integer.parseInt(args[++i]);
        case "--orders" -> orders = Integer.parseInt(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--esco" -> esco = Path.of(args[++i]);
        case "--synthetic" -> synthetic = true;
        case "--out" -> out = Path.of(args[++i]);
        default -> {
          System.err.println("usage: Generate --citizens N --orders M [--seed S] [--esco DIR | --synthetic] --out DIR");
          System.exit(2);
        }
      }
    }
    if (out == null) {
      System.err.println("Generate: --out DIR is required");
      System.exit(2);
    }
    PopulationGenerator.Builder b = PopulationGenerator.builder(seed);
    PopulationGenerator g = synthetic || esco == null ? b.synthetic().build() : b.esco(esco).build();
    Files.createDirectories(out);
    JsonLines.writeCitizens(out.resolve("citizens.jsonl"), g.citizens(citizens));
    JsonLines.writeOrders(out.resolve("orders.jsonl"), g.orders(orders));
    System.err.printf("Generate: %d citizens and %d orders from %s, seed %d, in %s%n", citizens, orders, g.source(),
        seed, out);
  }
}
