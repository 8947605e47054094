// Drives the unmodified @segment/analytics-node client against a UsageLens server.
// Usage: node send.mjs <host, e.g. http://127.0.0.1:5080> <write key>
// Prints {"delivered": [...messageIds], "failed": n} on stdout; exits 1 if any call failed.
import { Analytics } from '@segment/analytics-node'

const [host, writeKey] = process.argv.slice(2)
if (!host || !writeKey) {
  console.error('usage: node send.mjs <host> <writeKey>')
  process.exit(2)
}

const analytics = new Analytics({ writeKey, host, flushAt: 20, flushInterval: 200, maxRetries: 3 })
const delivered = []
let failed = 0
const record = (err, ctx) => {
  if (err) {
    failed++
    console.error(String(err))
  } else {
    delivered.push(ctx.event.messageId)
  }
}

// The group call comes first, so it shares the first batch with the first tracks, which name no account.
analytics.group({ userId: 'u-1', groupId: 'acme', traits: { plan: 'enterprise', seats: 40 } }, record)
analytics.identify({ userId: 'u-1', traits: { email: 'ada@acme.test' } }, record)
for (let i = 1; i <= 120; i++) {
  const context = i <= 10 ? {} : { groupId: 'acme' }
  const userId = i <= 10 ? 'u-1' : `u-${1 + (i % 3)}`
  analytics.track({ userId, event: 'API Call', context, properties: { quantity: (i % 7) + 1, unit: 'requests', i } }, record)
}
await analytics.closeAndFlush({ timeout: 30000 })

console.log(JSON.stringify({ delivered, failed }))
process.exitCode = failed === 0 ? 0 : 1
