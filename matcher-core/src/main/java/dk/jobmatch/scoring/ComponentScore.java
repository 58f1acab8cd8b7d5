package dk.jobmatch.scoring;

/**
 * One component's part in a score.
 *
 * @param value the component value in [0, 1]
 * @param weight the policy weight
 * @param contribution {@code value * weight}
 */
public record ComponentScore(double value, double weight, double contribution) {}
