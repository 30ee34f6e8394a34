-- wrk script: each request asks for the next path of the file WRK_PATHS names (one per line), each thread starting
-- at its own place in the list, so that neither the app's kept search counts nor two threads' same request answer
-- for the computation. Used by load.sh's "varied" target.
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do
  paths[#paths + 1] = line
end

local threads = 0
function setup(thread)
  thread:set("start", threads * math.floor(#paths / 2))
  threads = threads + 1
end

local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[((start or 0) + i) % #paths + 1])
end
