/**
 * A client for the RISC-V KernelCI bridge ({@code riscv-kcidb-bridge}) on the
 * {@code dev.buildbridge.api} transport: {@link dev.buildbridge.api.kernelci.KernelCiBridgeClient}
 * runs builds ({@link dev.buildbridge.api.kernelci.BuildData}), tests
 * ({@link dev.buildbridge.api.kernelci.TestSuite}) and boot tests
 * ({@link dev.buildbridge.api.kernelci.BootTestSuite}) on TuxSuite through the bridge, submits
 * results run elsewhere ({@link dev.buildbridge.api.kernelci.RunnerTestsResults}), and triggers
 * the bridge's KCIDB resubmissions. The request records carry the bridge's Pydantic schema names,
 * fields, defaults and required fields.
 */
package dev.buildbridge.api.kernelci;
