-- wrk script of `./vpnd bench`: replays pre-signed requests, each once (the server refuses a
-- signature nonce it has seen). Arguments after "--": the request file prefix and the header block.
-- Thread N reads PREFIX.N, one request target ("/?...&Signature=...") per line, written by the
-- bench just before the run so that every timestamp is fresh; the header block is CRLF-terminated
-- lines. done() prints one line that the bench parses.

local threads = {}
local next_id = 0

function setup(thread)
   thread:set("id", next_id)
   next_id = next_id + 1
   table.insert(threads, thread)
end

local targets = {}
local count = 0
local i = 0
local tail = ""
exhausted = false

function init(args)
   local file = assert(io.open(args[1] .. "." .. id, "r"))
   for line in file:lines() do
      count = count + 1
      targets[count] = line
   end
   file:close()
   -- Everything after the request target, built once: headers, empty line, no body.
   tail = " HTTP/1.1\r\nHost: " .. wrk.host .. ":" .. wrk.port .. "\r\n" .. args[2] .. "Content-Length: 0\r\n\r\n"
end

function request()
   i = i + 1
   if i > count then
      -- Out of signed requests: stop rather than replay a nonce; the bench reports the run as failed.
      exhausted = true
      wrk.thread:stop()
      i = count
   end
   return "POST " .. targets[i] .. tail
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
