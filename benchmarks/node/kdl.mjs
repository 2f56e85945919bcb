// Peer of the KDL benchmark: kdljs parse() of the same documents, given as already decoded
// strings (the SDK's side decodes UTF-8 inside its measurement).
// Usage: node kdl.mjs INPUTS_DIR > results.json
import { readFileSync } from 'node:fs'
import { parse } from 'kdljs'
import { measure } from './harness.mjs'

const dir = process.argv[2]
const results = []
for (const [param, file] of [['suite', 'kdl-suite.kdl'], ['workflow-1mib', 'kdl-workflow-1mib.kdl']]) {
  const bytes = readFileSync(`${dir}/${file}`)
  const text = bytes.toString('utf8')
  const check = parse(text)
  if (check.errors.length > 0) throw new Error(`kdljs cannot parse ${file}: ${check.errors[0].message}`)
  const op = () => {
    const doc = parse(text)
    if (doc.errors.length > 0) throw new Error('parse failed')
    return doc
  }
  results.push({ ...(await measure('kdljs', param, op)), bytes: bytes.length })
}
console.log(JSON.stringify({ node: process.version, results }, null, 2))
