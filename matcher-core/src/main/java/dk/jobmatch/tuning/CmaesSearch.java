package dk.jobmatch.tuning;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Bound-constrained, derivative-free maximisation of a step-function objective over some
 * coordinates of a point in [0, 1]^d, by the CMA-ES of Apache Commons Math with seeded restarts.
 * Stateless and thread-safe (each call has its own optimiser and random stream).
 */
final class CmaesSearch {
  /** A point and the evaluations spent finding it. */
  record Fit(double[] point, int evaluations) {}

  private CmaesSearch() {}

  /**
   * Maximises {@code objective} over the coordinates {@code [lo, hi)}, the others held at {@code
   * from}; never returns a point worse than {@code from}.
   */
  static Fit maximise(ToDoubleFunction<double[]> objective, double[] from, int lo, int hi, double step, int maxEval,
      long seed, String phase, TuningListener listener) {
    int dims = hi - lo;
    double[] guess = new double[dims];
    double[] lower = new double[dims];
    double[] upper = new double[dims];
    double[] sigma = new double[dims];
    Arrays.fill(upper, 1);
    Arrays.fill(sigma, step);
    for (int i = 0; i < dims; i++) {
      guess[i] = Math.max(0, Math.min(1, from[lo + i]));
    }
    double[] bestPoint = guess.clone();
    double[] bestValue = {Double.NEGATIVE_INFINITY};
    int[] count = {0};
    if (phase != null) {
      listener.phase(phase, maxEval);
    }
    ToDoubleFunction<double[]> evaluate = point -> {
      double[] full = from.clone();
      System.arraycopy(point, 0, full, lo, dims);
      double value = objective.applyAsDouble(full);
      count[0]++;
      if (value > bestValue[0]) {
        bestValue[0] = value;
        System.arraycopy(point, 0, bestPoint, 0, dims);
      }
      if (count[0] % 10 == 0 || count[0] == maxEval) {
        listener.progress(count[0], bestValue[0]);
      }
      return value;
    };
    var unused = evaluate.applyAsDouble(guess); // the starting point is the bar to beat
    ObjectiveFunction f = new ObjectiveFunction(evaluate::applyAsDouble);
    int population = 4 + (int) (3 * Math.log(dims)) + 4; // a little above the default: the objective is a step function
    // CMA-ES stops early once its steps shrink to nothing; the rest of the budget goes to restarts
    // from the best point so far, each with its own seeded stream (IPOP-style, fixed population).
    MersenneTwister random = new MersenneTwister(seed);
    for (int restart = 0; count[0] < maxEval && restart < 20; restart++) {
      CMAESOptimizer optimizer = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, random, false, null);
      try {
        optimizer.optimize(new MaxEval(maxEval - count[0]), new MaxIter(Integer.MAX_VALUE), f, GoalType.MAXIMIZE,
            new InitialGuess(bestPoint.clone()), new SimpleBounds(lower, upper), new CMAESOptimizer.Sigma(sigma),
            new CMAESOptimizer.PopulationSize(population));
      } catch (TooManyEvaluationsException e) {
        break; // the evaluation budget is the normal end of a run on a step function
      }
    }
    listener.progress(count[0], bestValue[0]);
    double[] result = from.clone();
    System.arraycopy(bestPoint, 0, result, lo, dims);
    return new Fit(result, count[0]);
  }
}
