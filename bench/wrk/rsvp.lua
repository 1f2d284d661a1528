-- RSVPs as a phone would send them: each request a new person (e-mail) from a new address
-- (the server trusts 127.0.0.1 as its proxy, so X-Forwarded-For is the client), with the form's
-- genuine "shown at" token (SPAZI_STARTED, fetched from the event page by bench/run.mjs).
local threads = {}
local counter = 0
-- thread_id: set for each thread by setup() below (a global of the thread's Lua state).
local started = os.getenv("SPAZI_STARTED") or ""
local origin = os.getenv("SPAZI_ORIGIN") or ""

setup = function(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

request = function()
  counter = counter + 1
  local who = string.format("t%d-%d", thread_id, counter)
  local body = "started=" .. urlencode(started) .. "&fax=" ..
    "&first_name=Bench&last_name=" .. who ..
    "&attendee_email=" .. urlencode(who .. "@bench.example.org") ..
    "&affiliation=Coworking+Aurora&attendee_role=Socia&accessibility=" ..
    "&consent_privacy=on"
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Origin"] = origin,
    ["X-Forwarded-For"] = string.format("10.%d.%d.%d", thread_id % 256,
      math.floor(counter / 256) % 256, counter % 256),
  }
  return wrk.format("POST", nil, headers, body)
end
-- The figures, printed like every other run (wrk runs with bench/wrk as its directory).
dofile("report.lua")
