-- Argo CD health check for rag.dev/RAGPipeline (Lua 5.1, as Argo CD runs it).
-- Healthy: Ready is True for the current generation. Degraded: the spec is invalid, or a
-- component is degraded (Pod Identity sync failing). Progressing: anything else, with the
-- operator's message (which components it is waiting for).
local hs = { status = "Progressing", message = "Waiting for the rag-operator to reconcile the pipeline" }
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
local generation = obj.metadata.generation
if generation ~= nil and obj.status.observedGeneration ~= nil and obj.status.observedGeneration < generation then
  hs.message = "Waiting for the rag-operator to observe generation " .. tostring(generation)
  return hs
end
local conditions = {}
for _, condition in ipairs(obj.status.conditions) do
  conditions[condition.type] = condition
end
local invalid = conditions["InvalidSpec"]
if invalid ~= nil and invalid.status == "True" then
  hs.status = "Degraded"
  hs.message = "Invalid spec: " .. (invalid.message or "")
  return hs
end
local degraded = conditions["Degraded"]
if degraded ~= nil and degraded.status == "True" then
  hs.status = "Degraded"
  hs.message = degraded.message or degraded.reason or "Degraded"
  return hs
end
local ready = conditions["Ready"]
if ready ~= nil and ready.status == "True" then
  hs.status = "Healthy"
  hs.message = ready.message or "Ready"
  return hs
end
if ready ~= nil and ready.message ~= nil then
  hs.message = ready.message
end
return hs
