/**
 * Renderings of the batch report ({@link dk.jobmatch.report.BatchReport}) for the {@code batch}
 * command: JSON ({@link dk.jobmatch.cli.report.ReportJson}) for scripts, and one self-contained
 * HTML page with inline SVG charts ({@link dk.jobmatch.cli.report.HtmlReport}) for a committee.
 * Both are written through {@link dk.jobmatch.cli.report.ReportFile}, so a failed run leaves no
 * half-written report. Every number in the HTML page carries the JSON path it comes from in a
 * {@code data-field} attribute, which the tests use to check the rendered page against the JSON.
 */
package dk.jobmatch.cli.report;
