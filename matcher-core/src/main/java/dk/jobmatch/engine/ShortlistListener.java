package dk.jobmatch.engine;

/**
 * Receives the events of {@link LiveShortlists}, in a deterministic order, on the thread that made
 * the change, while the change is being applied (keep it quick: queue, write a line). An exception
 * thrown here propagates to the caller of the change; the lists are already updated by then.
 */
@FunctionalInterface
public interface ShortlistListener {
  /**
   * One event.
   *
   * @param event the event; never null
   */
  void on(ShortlistEvent event);

  /**
   * Called once after the events of each change ({@link LiveShortlists#apply}, or one of its
   * single-change methods) have been delivered, also when it had none: the end of one generation
   * of events (see {@link ChangeFeed}). Does nothing by default.
   */
  default void changeApplied() {}

  /**
   * A listener that ignores every event.
   *
   * @return a listener that does nothing
   */
  static ShortlistListener none() {
    return e -> {};
  }
}
