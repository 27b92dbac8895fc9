/**
 * {@code isobench compare}: reads result directories (or plain JMH JSON files), compares every benchmark of every
 * environment with a baseline environment and writes report.md, a self-contained index.html and summary.json.
 *
 * <p>Entry points: {@link io.isobench.compare.CompareCommand} on the command line; in process,
 * {@link io.isobench.compare.input.InputLoader#load}, {@link io.isobench.compare.model.Comparison#of} and
 * {@link io.isobench.compare.report.Report#writeAll}.
 *
 * <p>Statistics: a ratio is environment score / baseline score. Its samples are the forks' means when both sides
 * have two or more forks, else JMH's per-iteration scores ({@code rawData}; for {@code sample} mode the mean of each
 * iteration's histogram). Its 95 % confidence interval is Fieller's (Welch's degrees of freedom) below ten samples
 * a side and a percentile bootstrap with a fixed seed from there on. The p-value is Welch's two-sided t-test
 * (commons-math3) on the same samples. A row is {@code faster} or {@code slower}
 * only when p &lt; alpha and the interval excludes 1; otherwise {@code same}. A row whose score (in either
 * environment) is NaN or infinite, or whose units cannot be converted, is {@code invalid}: it is reported but
 * takes no part in medians or the regression gate.
 */
package io.isobench.compare;
