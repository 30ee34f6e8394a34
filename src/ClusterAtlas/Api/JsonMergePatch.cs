using System.Text.Json.Nodes;

namespace ClusterAtlas.Api;

/// <summary>JSON Merge Patch (RFC 7396): a patch object names the members to change; null removes one; anything else replaces it.</summary>
public static class JsonMergePatch
{
    public const string MediaType = "application/merge-patch+json";

    /// <summary>The target with the patch applied (the target is changed in place when both are objects).</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target as JsonObject ?? [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result.TryGetPropertyValue(name, out var current);
                var merged = Apply(current?.DeepClone(), value);
                result[name] = merged;
            }
        }
        return result;
    }
}
