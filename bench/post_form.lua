-- wrk script: POST a form as many logged-in users (session + CSRF cookie pairs).
-- args: sessions file (lines "<sessionid> <csrftoken> <clause ids,...>"), path, origin,
--       kind ("comment": a comment on a random clause; "row": the one-row yardstick),
--       page id (for "row").
sessions = {}
idx = 0
ok = 0
bad = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do
    local sid, tok, clauses = line:match("(%S+) (%S+) (%S+)")
    local ids = {}
    for id in clauses:gmatch("%d+") do ids[#ids + 1] = id end
    sessions[#sessions + 1] = {sid = sid, tok = tok, ids = ids}
  end
  post_path, origin, kind, page_id = args[2], args[3], args[4], args[5]
  math.randomseed(os.time() + #threads)
  idx = math.random(#sessions)
end

function request()
  idx = idx % #sessions + 1
  local s = sessions[idx]
  local body
  if kind == "row" then
    body = "csrfmiddlewaretoken=" .. s.tok .. "&page=" .. page_id .. "&text=Notatka+" .. idx
  else
    local clause = s.ids[math.random(#s.ids)]
    body = "csrfmiddlewaretoken=" .. s.tok .. "&clause=" .. clause ..
      "&comment=Uwaga+z+testu+wydajno%C5%9Bci+" .. idx ..
      "&justification=Uzasadnienie+https%3A%2F%2Fexample.org%2F" .. idx
  end
  local headers = {}
  headers["Cookie"] = "sessionid=" .. s.sid .. "; csrftoken=" .. s.tok
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  headers["X-Forwarded-Proto"] = "https"
  headers["Origin"] = origin
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
