-- wrk script: cast participatory budget votes with name + PESEL (no account).
-- args: voters file (lines "<pesel> <project ids,...>"), path, origin, csrf token.
voters = {}
idx = 0
ok = 0
bad = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  for line in io.lines(args[1]) do
    local pesel, ids = line:match("(%S+) (%S+)")
    voters[#voters + 1] = {pesel = pesel, ids = ids}
  end
  post_path, origin, token = args[2], args[3], args[4]
  -- Each wrk thread takes its own slice of the voters: no PESEL is sent twice.
  idx = (id - 1) * math.floor(#voters / 8)
end

function request()
  idx = idx % #voters + 1
  local v = voters[idx]
  local body = "csrfmiddlewaretoken=" .. token .. "&full_name=Jan+Testowy&pesel=" .. v.pesel ..
    "&declared_residence=on"
  for id in v.ids:gmatch("%d+") do body = body .. "&projects=" .. id end
  local headers = {}
  headers["Cookie"] = "csrftoken=" .. token
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["X-Forwarded-Proto"] = "https"
  headers["Origin"] = origin
  headers["Referer"] = origin .. "/"
  return wrk.format("POST", post_path, headers, body)
end

function response(status, headers, body)
  if status == 302 then ok = ok + 1 else bad = bad + 1 end
end

function done(summary, latency, requests)
  local total_ok, total_bad = 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_bad = total_bad + t:get("bad")
  end
  io.write(string.format("POSTED ok=%d bad=%d\n", total_ok, total_bad))
end
