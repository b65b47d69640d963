// One legacy v2 call through the real Node client, qcloudapi-sdk (docs/dialects/tencent.md), aimed at vpnd.
// argv[2]: {sdk, host, secretId, secretKey, region, method, signatureMethod, multipart, data}.
// Prints the response body as the SDK hands it to the caller (parsed JSON), re-serialized.
const Capi = require(JSON.parse(process.argv[2]).sdk)
const qs = require('querystring')

const a = JSON.parse(process.argv[2])
const capi = new Capi({
  SecretId: a.secretId, SecretKey: a.secretKey, Region: a.region, serviceType: 'vpc',
  host: a.host, protocol: 'http',
})
const opts = Object.assign({}, capi.defaults, { method: a.method, signatureMethod: a.signatureMethod })
let extra
if (a.multipart) {
  // The SDK signs the fields as for a form POST; they then go out as multipart/form-data, the
  // encoding of the legacy Java SDK's POST. With Nonce and Timestamp fixed, request() signs the
  // same string again, so the posted Signature is the one computed here.
  if (a.data.Timestamp === undefined) a.data.Timestamp = Math.round(Date.now() / 1000)
  extra = { form: undefined, formData: Object.assign({}, qs.parse(capi.generateQueryString(a.data, opts))) }
}
capi.request(a.data, opts, (err, body) => {
  if (err) {
    console.error(String(err))
    process.exit(2)
  }
  process.stdout.write(JSON.stringify(body))
}, extra)
