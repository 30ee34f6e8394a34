using System.Text.Json.Nodes;
using ClusterAtlas.Vocabularies;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ClusterAtlas.Api;

/// <summary>
/// The OpenAPI document of /api/v1, as the framework generates it from the endpoints, completed with what it cannot
/// know: the profile's schema (from the profile schema), the caching and licence headers, the parameters' examples.
/// No servers are named: the document describes the API wherever it is served (the reference page uses its own origin).
/// </summary>
public static class OpenApiDocumentSetup
{
    public const string ExampleSlug = "vojvodina-metal-cluster";

    public static void Configure(OpenApiOptions options)
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ClusterAtlas API",
            Version = "v1",
            Description = "Open data on cluster organisations: published profiles, the directory search, the vocabularies and countries they use. "
                + "Reads need no account. Answers carry an ETag (send If-None-Match for a 304), Cache-Control and the data licence as a Link header (rel=\"license\"); "
                + "CORS allows GET and HEAD from any origin. Every error is RFC 9457 problem details (application/problem+json) naming the parameter, header or path. "
                + "A member's personal access token (made on /account/tokens, sent as Authorization: Bearer) also reads the contacts shown to members; a write-scoped token of a "
                + "profile's administrator changes the profile with PUT or PATCH (JSON Merge Patch), with If-Match.",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        document.Components.Schemas[ProfileOpenApiSchema.Name] = ProfileOpenApiSchema.Build();
        document.Components.Schemas[PatchSchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = $"A JSON Merge Patch (RFC 7396) of a {ProfileOpenApiSchema.Name}: any of its properties, each replacing the stored one (lists and rows as a whole); null empties a field. "
                + "Terms may be given by id alone ([{\"id\": 12}] or [12]). The properties the platform sets (id, slug, url, sampleData, publishedAt, updatedAt, licence, logo) cannot be changed.",
        };
        document.Components.Schemas.Remove("JsonObject");
        document.Components.Schemas.Remove("JsonNode");
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A personal access token (clat_…) made on the account page /account/tokens: read scope, or write scope for the profiles the account administers.",
        };
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var write = operation.OperationId is ProfileWriteApi.PutOperationId or ProfileWriteApi.PatchOperationId;
                if (path == "/api/v1/cluster-organisations/{slug}")
                {
                    DescribeTokenUse(document, operation, write);
                }
                if (path == "/api/v1/cluster-organisations/{slug}" && operation.Responses?.TryGetValue("200", out var ok) == true
                    && ok.Content?.TryGetValue("application/json", out var json) == true)
                {
                    json.Schema = new OpenApiSchemaReference(ProfileOpenApiSchema.Name, document);
                }
                if (path == "/api/v1/cluster-organisations")
                {
                    operation.Parameters = SearchParameters();
                }
                if (path.StartsWith(ExportApi.PathPrefix, StringComparison.Ordinal) && operation.Responses?.TryGetValue("200", out var export) == true
                    && export is OpenApiResponse exported)
                {
                    var (extension, contentType, _, _) = ExportApi.Formats.Single(f => path.EndsWith("." + f.Extension, StringComparison.Ordinal));
                    exported.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        [contentType.Split(';')[0]] = new()
                        {
                            Schema = extension == "json"
                                ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(ProfileOpenApiSchema.Name, document) }
                                : new OpenApiSchema { Type = JsonSchemaType.String, Format = extension == "xlsx" ? "binary" : null },
                        },
                    };
                }
                if (path == "/api/v1/cluster-organisations.geojson" || path.StartsWith(ExportApi.PathPrefix, StringComparison.Ordinal))
                {
                    // The map's points: the search's words and filters, every match at once (no pages, no order).
                    operation.Parameters = [.. SearchParameters().Where(p => p.Name is not ("page" or "pageSize" or "sort"))];
                }
                if (path == Map.MapGeoJson.Path && operation.Responses?.TryGetValue("200", out var points) == true && points is OpenApiResponse pointsResponse)
                {
                    pointsResponse.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        ["application/geo+json"] = new()
                        {
                            Schema = new OpenApiSchema
                            {
                                Type = JsonSchemaType.Object,
                                Description = "A GeoJSON FeatureCollection (RFC 7946): a Point feature per located profile (its id the profile's), "
                                    + "its properties slug, name, acronym, country, countryName, region, precision (how closely it is located), "
                                    + "members, label, sampleData and url.",
                                Required = new HashSet<string>(StringComparer.Ordinal) { "type", "features" },
                                Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
                                {
                                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create("FeatureCollection")] },
                                    ["features"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.Object } },
                                },
                            },
                        },
                    };
                }
                foreach (var parameter in operation.Parameters ?? [])
                {
                    Example(path, parameter);
                }
                ProblemExamples(path, operation);
                if (operation.Responses?.TryGetValue("200", out var answer) == true && answer is OpenApiResponse response)
                {
                    response.Headers = path.StartsWith(ExportApi.PathPrefix, StringComparison.Ordinal) ? ExportHeaders() : new Dictionary<string, IOpenApiHeader>(StringComparer.Ordinal)
                    {
                        ["ETag"] = Header(write
                            ? "The version saved; send it in If-Match with the next write."
                            : "The version of this answer; send it back in If-None-Match to get 304 Not Modified while it has not changed."),
                        ["Cache-Control"] = Header(write ? "private, no-cache" : $"public, max-age={ApiAnswer.MaxAgeSeconds} (private, no-cache for an answer to an access token)"),
                        ["Link"] = Header("The data licence: <https://creativecommons.org/licenses/by/4.0/>; rel=\"license\" (the licence this installation publishes under)."),
                    };
                }
            }
        }
    }

    public const string SecuritySchemeName = "accessToken";
    public const string PatchSchemaName = "ClusterOrganisationPatch";

    /// <summary>The profile's reads take a token optionally; its writes need one, If-Match and a body.</summary>
    private static void DescribeTokenUse(OpenApiDocument document, OpenApiOperation operation, bool write)
    {
        var token = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] };
        operation.Security = write ? [token] : [new OpenApiSecurityRequirement(), token];
        if (!write)
        {
            return;
        }
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-Match", In = ParameterLocation.Header, Required = true,
            Description = "The ETag of the version this write replaces (from GET); 412 when the profile changed since, 428 without it.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = "\"5d41402abc4b2a76b9719d911017c592\"",
        });
        foreach (var (_, media) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
        {
            media.Schema = operation.OperationId == ProfileWriteApi.PatchOperationId
                ? new OpenApiSchemaReference(PatchSchemaName, document)
                : new OpenApiSchemaReference(ProfileOpenApiSchema.Name, document);
            if (operation.OperationId == ProfileWriteApi.PatchOperationId)
            {
                media.Example = new JsonObject { ["website"] = "https://www.example.org", ["totalMembers"] = 140, ["otherLabels"] = null };
            }
        }
        if (operation.RequestBody is OpenApiRequestBody body)
        {
            body.Required = true;
        }
    }

    private static void Example(string path, IOpenApiParameter parameter)
    {
        if (parameter is not OpenApiParameter editable)
        {
            return;
        }
        switch (parameter.Name)
        {
            case "slug":
                editable.Description = "The profile's slug, as in its page's address.";
                editable.Example = ExampleSlug;
                break;
            case "name" when path.StartsWith("/api/v1/vocabularies", StringComparison.Ordinal):
                editable.Description = "The vocabulary's key.";
                editable.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Vocabulary.All.Select(v => (JsonNode)v)] };
                editable.Example = Vocabulary.TechnologyFields;
                break;
        }
    }

    /// <summary>What the problems of an operation look like: the parameter, header or path they name.</summary>
    private static void ProblemExamples(string path, OpenApiOperation operation)
    {
        var parameter = path.EndsWith("{slug}", StringComparison.Ordinal) ? "slug" : path.EndsWith("{name}", StringComparison.Ordinal) ? "name" : null;
        var examples = new Dictionary<string, JsonObject>(StringComparer.Ordinal)
        {
            ["404"] = parameter is null
                ? Problem(404, "Not Found", $"No API resource at {path}x. The endpoints are described at {ApiFeature.DocumentPath}.", "path", path + "x")
                : Problem(404, "Not Found", parameter == "slug" ? "No published cluster organisation has the slug \"no-such-cluster\"." : "No vocabulary is named \"colours\".", "parameter", parameter),
            ["412"] = Problem(412, "Precondition Failed", "If-Match names another version of this resource; its current ETag is \"5d41402abc4b2a76b9719d911017c592\".", "header", "If-Match"),
            ["429"] = Problem(429, "Too Many Requests", "Too many requests from this client; try again in 42 seconds.", "retryAfter", 42),
            ["500"] = Problem(500, "An error occurred while processing your request.", "The server failed to answer this request; the failure was logged. Try again later.", "path", path),
        };
        if (path == "/api/v1/cluster-organisations/{slug}")
        {
            examples["400"] = Problem(400, "Bad Request", "The body must be a JSON object: the profile, or the fields to change.", "parameter", "body");
            examples["401"] = Problem(401, "Unauthorized", "The access token is not valid: it is unknown, expired or revoked, or the header is not \"Authorization: Bearer <token>\".", "header", "Authorization");
            examples["403"] = Problem(403, "Forbidden", "This access token may only read; writing needs a token with the write scope.", "header", "Authorization");
            examples["412"] = Problem(412, "Precondition Failed", "If-Match names another version of this profile: it changed since you read it. Its current ETag is \"5d41402abc4b2a76b9719d911017c592\"; GET it again and apply your change to it.", "header", "If-Match");
            examples["415"] = Problem(415, "Unsupported Media Type", "PATCH takes application/merge-patch+json; the request's Content-Type is application/json.", "header", "Content-Type");
            examples["428"] = Problem(428, "Precondition Required", "Send If-Match with the ETag of the version you change (GET it first); the current one is \"5d41402abc4b2a76b9719d911017c592\". This keeps a write from undoing another made meanwhile.", "header", "If-Match");
            examples["422"] = new JsonObject
            {
                ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.21", ["title"] = "The profile was not saved", ["status"] = 422,
                ["detail"] = "Some fields are not valid; each is named by its JSON path in errors. Nothing was written.",
                ["errors"] = new JsonObject
                {
                    ["website"] = new JsonArray("Enter a full web address starting with https://, such as https://www.example.org."),
                    ["managementTeam[1].email"] = new JsonArray("Enter an e-mail address such as name@example.org."),
                    ["colour"] = new JsonArray("Unknown property \"colour\": a cluster organisation has no such field (the fields are in the ClusterOrganisation schema of /openapi/v1.json)."),
                },
            };
        }
        if (path == "/api/v1/cluster-organisations")
        {
            examples["400"] = new JsonObject
            {
                ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1", ["title"] = "Invalid search parameters", ["status"] = 400,
                ["errors"] = new JsonObject { ["pageSize"] = new JsonArray("'pageSize' must be a whole number from 1 to 100; got '1000'.") },
            };
        }
        foreach (var (status, example) in examples)
        {
            if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content?.TryGetValue("application/problem+json", out var content) == true
                && content is OpenApiMediaType media)
            {
                media.Example = example;
            }
        }
    }

    private static JsonObject Problem(int status, string title, string detail, string name, JsonNode value) => new()
    {
        ["type"] = "https://tools.ietf.org/html/rfc9110", ["title"] = title, ["status"] = status, ["detail"] = detail, [name] = value,
    };

    /// <summary>The search reads its parameters from the query string itself (to refuse unknown ones), so they are named here.</summary>
    private static List<IOpenApiParameter> SearchParameters()
    {
        var parameters = new List<IOpenApiParameter>
        {
            Query("q", "Words to find in names, descriptions, strategy, services, programmes, stories and vocabulary labels.", new OpenApiSchema { Type = JsonSchemaType.String }, "metal"),
            Query("sort", "The order of the results; the best match first when not given.",
                new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Enum.GetNames<ClusterDirectory.SearchSort>().Select(n => (JsonNode)n.ToLowerInvariant())] }, "name"),
            Query("page", "The page of results, from 1.", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = ClusterDirectory.SearchQuery.MaxPage.ToString(System.Globalization.CultureInfo.InvariantCulture) }, 1),
            Query("pageSize", "Results per page.", new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1", Maximum = ClusterDirectory.SearchQuery.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ClusterDirectory.SearchQuery.DefaultPageSize),
        };
        foreach (var facet in ClusterDirectory.Facet.All)
        {
            parameters.Add(Query(facet, $"Only profiles with this {facet} (the facet's values name them); repeat the parameter for any of several.",
                new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } }, null));
        }
        return parameters;
    }

    private static OpenApiParameter Query(string name, string description, OpenApiSchema schema, JsonNode? example) => new()
    {
        Name = name, In = ParameterLocation.Query, Description = description, Schema = schema, Example = example,
        Style = schema.Type == JsonSchemaType.Array ? ParameterStyle.Form : null, Explode = schema.Type == JsonSchemaType.Array,
    };

    /// <summary>An export is written while it is read from the database: no ETag, offered as a file.</summary>
    private static Dictionary<string, IOpenApiHeader> ExportHeaders() => new(StringComparer.Ordinal)
    {
        ["Content-Disposition"] = Header("attachment; filename=\"cluster-organisations-2026-12-05.csv\" (the day of the export, the format's extension)."),
        ["Cache-Control"] = Header($"public, max-age={ApiAnswer.MaxAgeSeconds}"),
        ["Link"] = Header("The data licence: <https://creativecommons.org/licenses/by/4.0/>; rel=\"license\" (the licence this installation publishes under)."),
    };

    private static OpenApiHeader Header(string description) => new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
