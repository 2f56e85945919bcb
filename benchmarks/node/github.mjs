// Peer (b) of the GitHub push benchmark: @octokit/webhooks-methods verify + JSON.parse, then the
// same decision and job mapping as the SDK (a deleted ref gives no job). The body arrives as bytes
// (a Buffer), as a Node HTTP server receives it; verify() wants a string, so it is decoded once.
// Usage: node github.mjs INPUTS_DIR > results.json
import { readFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'
import { verify } from '@octokit/webhooks-methods'
import { measure } from './harness.mjs'

const dir = process.argv[2]
const secret = readFileSync(`${dir}/github-secret.txt`, 'utf8')

function job (payload) {
  if (payload.deleted || !payload.after) return null
  const repo = payload.repository
  return {
    schema_version: 'jobrequest.v1',
    request_id: randomUUID(),
    group_id: randomUUID(),
    source: 'github',
    repo_url: repo.clone_url,
    repo_owner: repo.owner.login ?? repo.owner.name,
    repo_name: repo.name,
    commit_sha: payload.after,
    submitted_at: new Date().toISOString()
  }
}

const results = []
for (const [param, file] of [['octokit', 'push-octokit'], ['octokit-new-branch', 'push-octokit-new-branch'], ['1mib', 'push-1mib']]) {
  const body = readFileSync(`${dir}/${file}.json`)
  const signature = readFileSync(`${dir}/${file}.sig`, 'utf8')
  const op = async () => {
    const text = body.toString('utf8')
    if (!(await verify(secret, text, signature))) throw new Error('signature mismatch')
    return job(JSON.parse(text))
  }
  const expected = param !== 'octokit'
  if ((await op() !== null) !== expected) throw new Error(`unexpected decision for ${param}`)
  results.push({ ...(await measure('octokit', param, op)), bytes: body.length })
}
console.log(JSON.stringify({ node: process.version, results }, null, 2))
