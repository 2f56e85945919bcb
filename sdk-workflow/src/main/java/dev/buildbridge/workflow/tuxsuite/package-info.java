/**
 * TuxSuite plan files ({@code plan.yaml}, {@code version: 1}): read and checked by a
 * {@link dev.buildbridge.workflow.tuxsuite.TuxPlanParser} (every problem with its
 * {@code file:line:column}), expanded by a
 * {@link dev.buildbridge.workflow.tuxsuite.TuxPlanExpansion} into sdk-api's typed build and test
 * requests, and submitted by a
 * {@link dev.buildbridge.workflow.tuxsuite.TuxPlanSubmitter} in the order of the
 * {@code tuxsuite} client, giving a {@link dev.buildbridge.workflow.tuxsuite.SubmittedPlan} that
 * waits for every run.
 *
 * <p>The parser and its model ({@code TuxPlanFile}, {@code TuxPlanJob}, {@code TuxPlanBuild},
 * {@code TuxPlanTest}) need only this module; expansion and submission use sdk-api's TuxSuite
 * client types, so a host that expands or submits plans must have sdk-api (an optional
 * dependency of sdk-workflow) on its class path.
 *
 * <pre>{@code
 * TuxPlanFile plan = TuxPlanParser.ofDefaults().parse(Path.of("plan.yaml"));
 * ExpandedPlan expanded = TuxPlanExpansion.newBuilder()
 *     .gitRepo("https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git")
 *     .gitRef("master")
 *     .build()
 *     .expand(plan);
 * SubmittedPlan submitted = TuxPlanSubmitter.of(tux).submit(expanded);
 * FinishedPlan done = submitted.awaitAll(Duration.ofHours(3), Duration.ofSeconds(30));
 * }</pre>
 */
package dev.buildbridge.workflow.tuxsuite;
