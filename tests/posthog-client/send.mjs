// Drives the unmodified posthog-node client against a UsageLens server.
// Usage: node send.mjs <host, e.g. http://127.0.0.1:5080> <project API key>
// Prints {"delivered": [...uuids of the events sent], "failed": n} on stdout; exits 1 if any request failed.
import { PostHog } from 'posthog-node'

const [host, apiKey] = process.argv.slice(2)
if (!host || !apiKey) {
  console.error('usage: node send.mjs <host> <apiKey>')
  process.exit(2)
}

const posthog = new PostHog(apiKey, { host, flushAt: 20, flushInterval: 200, fetchRetryCount: 3, fetchRetryDelay: 200 })
const delivered = []
let failed = 0
posthog.on('flush', (messages) => messages.forEach((m) => delivered.push(m.uuid)))
posthog.on('error', (err) => {
  failed++
  console.error(String(err))
})

posthog.groupIdentify({ groupType: 'company', groupKey: 'acme', properties: { plan: 'enterprise', seats: 40 } })
posthog.identify({ distinctId: 'u-1', properties: { email: 'ada@acme.test' } })
for (let i = 1; i <= 120; i++) {
  // The first ten name their account by property, the others by PostHog group.
  const userId = i <= 10 ? 'u-1' : `u-${1 + (i % 3)}`
  const properties = { quantity: (i % 7) + 1, unit: 'requests', i, ...(i <= 10 ? { account_id: 'acme' } : {}) }
  posthog.capture({ distinctId: userId, event: 'API Call', properties, groups: i <= 10 ? undefined : { company: 'acme' } })
}
posthog.capture({ distinctId: 'u-2', event: '$pageview', properties: { $current_url: 'https://app.acme.test/usage' }, groups: { company: 'acme' } })
await posthog.shutdown(30000)

console.log(JSON.stringify({ delivered, failed }))
process.exitCode = failed === 0 ? 0 : 1
