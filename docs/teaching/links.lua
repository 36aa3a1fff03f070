-- links.lua: pandoc filter for `make teaching`. A link to another page of the kit
-- (costs.md, ../README.md) points to its HTML page; a link out of the kit (to
-- docs/model.md or scenarios/) points to that file in the repository, seen from
-- build-teaching/; so does a picture (../../scoreboard.png). kitdepth (metadata) is 1 for en/ and sv/, 0 for the index.
local depth = 1

local function fix(t)
  if t:match("^%a[%w+.-]*:") or t:match("^#") then
    return t
  end
  local k, rest = 0, t
  while rest:sub(1, 3) == "../" do
    k, rest = k + 1, rest:sub(4)
  end
  if k <= depth then
    t = t:gsub("README%.md", "index.md")
    return (t:gsub("%.md(#?)", ".html%1", 1))
  end
  local prefix = k == depth + 1 and "docs/" or ""
  return string.rep("../", depth + 1) .. prefix .. rest
end

return {
  { Meta = function(m)
      if m.kitdepth then depth = tonumber(pandoc.utils.stringify(m.kitdepth)) end
    end },
  { Link = function(el) el.target = fix(el.target); return el end },
  { Image = function(el) el.src = fix(el.src); return el end },
}
