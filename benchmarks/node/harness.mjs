// A small measuring loop for the Node peers: warm up, then time fixed-length rounds and report
// operations per second per round (median, min, max), like a JMH run with one fork, and operations
// per CPU-second of the whole process (the JS thread, V8's GC and compiler threads), the per-core
// figure that stays meaningful when other processes share the cores.
import { performance } from 'node:perf_hooks'

const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 4000)
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 2000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5)

async function runFor (op, ms) {
  let ops = 0
  let batch = 1
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    for (let i = 0; i < batch; i++) {
      await op()
    }
    ops += batch
    now = performance.now()
    if (now - start < ms / 20) batch *= 2 // fewer clock reads for fast operations
  }
  const cpu = process.cpuUsage(cpuStart)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  return { wall: ops / ((now - start) / 1000), cpu: ops / cpuSeconds }
}

function median (values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * Measures an (async or sync) operation: medians over the rounds of operations per second of wall
 * time and per CPU-second.
 */
export async function measure (name, param, op) {
  await runFor(op, WARMUP_MS)
  const rounds = []
  for (let r = 0; r < ROUNDS; r++) {
    rounds.push(await runFor(op, ROUND_MS))
  }
  const wall = rounds.map(r => r.wall)
  const cpu = rounds.map(r => r.cpu)
  const result = {
    name,
    param,
    opsPerSec: median(wall),
    opsPerCpuSec: median(cpu),
    min: Math.min(...wall),
    max: Math.max(...wall),
    rounds
  }
  console.error(`${name} [${param}]: ${result.opsPerSec.toFixed(1)} ops/s (min ${result.min.toFixed(1)}, max ${result.max.toFixed(1)}), ${result.opsPerCpuSec.toFixed(1)} ops/CPU-s`)
  return result
}
