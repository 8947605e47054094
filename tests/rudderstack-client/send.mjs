// Drives the unmodified @rudderstack/rudder-sdk-node client against a UsageLens server.
// Usage: node send.mjs <data plane URL, e.g. http://127.0.0.1:5080> <write key>
// Prints {"delivered": n, "failed": n} on stdout; exits 1 if any call failed.
import Analytics from '@rudderstack/rudder-sdk-node'

const [dataPlaneUrl, writeKey] = process.argv.slice(2)
if (!dataPlaneUrl || !writeKey) {
  console.error('usage: node send.mjs <dataPlaneUrl> <writeKey>')
  process.exit(2)
}

const analytics = new Analytics(writeKey, { dataPlaneUrl, flushAt: 20, flushInterval: 200, retryCount: 3, logLevel: 'error' })
let delivered = 0
let failed = 0
const calls = []
const record = () => {
  let settle
  calls.push(new Promise((resolve) => { settle = resolve }))
  return (err) => {
    if (err) {
      failed++
      console.error(String(err))
    } else {
      delivered++
    }
    settle()
  }
}

// The SDK sends its first call on its own at once, so the group is stored before the first tracks,
// which name no account and take the one u-1 was grouped with.
analytics.group({ userId: 'u-1', groupId: 'acme', traits: { plan: 'enterprise', seats: 40 } }, record())
analytics.identify({ userId: 'u-1', traits: { email: 'ada@acme.test' } }, record())
await new Promise((resolve) => setTimeout(resolve, 500))
for (let i = 1; i <= 120; i++) {
  const context = i <= 10 ? {} : { groupId: 'acme' }
  const userId = i <= 10 ? 'u-1' : `u-${1 + (i % 3)}`
  analytics.track({ userId, event: 'API Call', context, properties: { quantity: (i % 7) + 1, unit: 'requests', i } }, record())
}
await analytics.flush()
await Promise.all(calls)

console.log(JSON.stringify({ delivered, failed }))
process.exitCode = failed === 0 ? 0 : 1
