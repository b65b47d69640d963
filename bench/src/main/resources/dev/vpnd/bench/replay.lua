-- wrk script of `./vpnd bench`: replays pre-signed requests, each once (the server refuses a
-- signature it has seen). Argument after "--": the request file prefix. Thread N reads PREFIX.N,
-- written by the bench just before the run so that every timestamp is fresh: one request per line,
-- "METHOD target", a tab, then its header lines, the empty line and its body with every CRLF
-- written as a tab; the Host header is added here. done() prints one line that the bench parses.

local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

local heads = {}
local rests = {}
local count = 0
local i = 0
local host = ""
exhausted = false

function init(args)
   local file = assert(io.open(args[1] .. "." .. id, "rb"))
   for line in file:lines() do
      local tab = string.find(line, "\t", 1, true)
      count = count + 1
      heads[count] = string.sub(line, 1, tab - 1)
      -- Identical header blocks (the Alibaba scenarios') are one string: Lua interns strings.
      rests[count] = string.gsub(string.sub(line, tab + 1), "\t", "\r\n")
   end
   file:close()
   host = " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port .. "\r\n"
end

function request()
   i = i + 1
   if i > count then
      -- Out of signed requests: stop rather than replay a nonce; the bench reports the run as failed.
      exhausted = true
      wrk.thread:stop()
      i = count
   end
   return heads[i] .. host .. rests[i]
end

function done(summary, latency, requests)
   local ran_out = 0
   for _, thread in ipairs(threads) do
      if thread:get("exhausted") then
         ran_out = ran_out + 1
      end
   end
   local e = summary.errors
   io.write(string.format(
         "vpnd-bench requests=%d duration_us=%d p50_us=%d p99_us=%d p999_us=%d max_us=%d "
         .. "connect=%d read=%d write=%d status=%d timeout=%d exhausted=%d\n",
         summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
         latency:percentile(99.9), latency.max, e.connect, e.read, e.write, e.status, e.timeout, ran_out))
end
