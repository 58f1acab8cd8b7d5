package dk.jobmatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent tasks (one ranking per order, one suggestion list per citizen) on a few
 * threads and hands their results to a sink strictly in submission order, so the output is in
 * input order and identical for any thread count. At most {@code window} tasks are in flight,
 * which bounds memory however long the input.
 *
 * <p>Not thread-safe: submit and finish from one thread; the sink runs on that thread.
 *
 * @param <R> the result type
 */
final class OrderedPipeline<R> implements AutoCloseable {
  /** Consumes results in order. */
  @FunctionalInterface
  interface Sink<R> {
    void accept(R result) throws IOException;
  }

  private final ExecutorService pool;
  private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
  private final int window;
  private final Sink<R> sink;

  OrderedPipeline(int threads, Sink<R> sink) {
    this.sink = sink;
    if (threads <= 1) {
      this.pool = null;
      this.window = 1;
    } else {
      AtomicInteger n = new AtomicInteger();
      this.pool = Executors.newFixedThreadPool(threads, r -> {
        Thread t = new Thread(r, "jobmatch-worker-" + n.incrementAndGet());
        t.setDaemon(true);
        return t;
      });
      this.window = threads * 32;
    }
  }

  /** Submits a task; may first hand finished results to the sink to keep the window bounded. */
  void submit(Callable<R> task) throws IOException {
    if (pool == null) {
      sink.accept(call(task));
      return;
    }
    inFlight.add(pool.submit(task));
    while (inFlight.size() >= window) {
      drainOne();
    }
  }

  /** Waits for every task and hands the remaining results to the sink. */
  void finish() throws IOException {
    while (!inFlight.isEmpty()) {
      drainOne();
    }
  }

  private void drainOne() throws IOException {
    Future<R> f = inFlight.poll();
    R r;
    try {
      r = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(ExitCode.SOFTWARE, "interrupted");
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    }
    sink.accept(r);
  }

  private static <R> R call(Callable<R> task) throws IOException {
    try {
      return task.call();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static RuntimeException rethrow(Throwable t) throws IOException {
    if (t instanceof IOException io) {
      throw io;
    }
    if (t instanceof RuntimeException re) {
      return re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new UncheckedIOException(new IOException(t));
  }

  /** Stops the worker threads. */
  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
