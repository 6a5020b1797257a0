-- wrk script for scripts/bench: rotates requests over the benchmark organizations listed in BENCH_TARGETS (one per
-- line: subdomain, organization id, bearer token, tab-separated) and names each tenant the way BENCH_MODE says.
--   list-subdomain | list-header | list-path : GET /api/tasks?limit=20 resolved by Host, by tenant header, by /org/ prefix
--   create                                   : POST /api/tasks (subdomain), through the atomic limit check
--   usage                                    : GET /api/organizations/{id}/usage (central route)
local mode = os.getenv("BENCH_MODE")
local tenant_header = os.getenv("BENCH_TENANT_HEADER") or "X-Tenant-ID"
local next_index = 0
local thread_count = 0

function setup(thread)
  -- Threads start at different organizations, so the load spreads at once.
  thread_count = thread_count + 1
  thread:set("start_offset", thread_count * 37)
end

-- Every request is formatted once, in init(), as wrk's documentation advises for request(): the client shares the cores
-- with the server, so it should spend as little as it can per request. The load is the same.
local requests = {}

local function format(target)
  local headers = { ["Authorization"] = "Bearer " .. target.token }
  if mode == "list-subdomain" then
    headers["Host"] = target.subdomain .. ".localhost"
    return wrk.format("GET", "/api/tasks?limit=20", headers)
  elseif mode == "list-header" then
    headers[tenant_header] = target.id
    return wrk.format("GET", "/api/tasks?limit=20", headers)
  elseif mode == "list-path" then
    return wrk.format("GET", "/org/" .. target.subdomain .. "/api/tasks?limit=20", headers)
  elseif mode == "create" then
    headers["Host"] = target.subdomain .. ".localhost"
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", "/api/tasks", headers, '{"title":"Benchmark task","priority":"medium","input":{"source":"wrk"}}')
  elseif mode == "usage" then
    return wrk.format("GET", "/api/organizations/" .. target.id .. "/usage", headers)
  end
  error("unknown BENCH_MODE " .. tostring(mode))
end

function init(args)
  for line in io.lines(os.getenv("BENCH_TARGETS")) do
    local subdomain, id, token = line:match("^([^\t]+)\t([^\t]+)\t([^\t]+)$")
    if subdomain then
      requests[#requests + 1] = format({ subdomain = subdomain, id = id, token = token })
    end
  end
  if #requests == 0 then error("no targets in " .. tostring(os.getenv("BENCH_TARGETS"))) end
  next_index = (start_offset or 0) % #requests
end

function request()
  next_index = next_index % #requests + 1
  return requests[next_index]
end
