using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ClusterAtlas.Tests.Infrastructure;
using Json.Schema;

namespace ClusterAtlas.Tests.Api;

/// <summary>
/// The OpenAPI document is committed (docs/api/openapi-v1.json) so that API changes are reviewed as a diff: the served
/// one must equal it. After a deliberate change, refresh it with
/// <c>CLUSTERATLAS_UPDATE_OPENAPI=1 dotnet test tests/ClusterAtlas.Tests --filter "FullyQualifiedName~OpenApiDocumentTests"</c>.
/// Real answers of each endpoint validate against the schemas the document declares for them.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    private static readonly string CommittedPath = Path.Combine(RepositoryRoot(), "docs", "api", "openapi-v1.json");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ClusterAtlas.slnx")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("The repository's root (ClusterAtlas.slnx) was not found above " + AppContext.BaseDirectory);
    }

    private async Task<string> ServedAsync()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Indented the same way whatever the serializer's defaults, so that the committed file reads as a diff.
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).ReplaceLineEndings("\n") + "\n";
    }

    [Fact]
    public async Task The_served_document_equals_the_committed_one()
    {
        var served = await ServedAsync();
        if (Environment.GetEnvironmentVariable("CLUSTERATLAS_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            await File.WriteAllTextAsync(CommittedPath, served);
        }
        var committed = File.Exists(CommittedPath) ? (await File.ReadAllTextAsync(CommittedPath)).ReplaceLineEndings("\n") : "";
        Assert.True(committed == served,
            "The served OpenAPI document differs from docs/api/openapi-v1.json. If the API change is intended, refresh the file with "
            + "CLUSTERATLAS_UPDATE_OPENAPI=1 dotnet test tests/ClusterAtlas.Tests --filter \"FullyQualifiedName~OpenApiDocumentTests\" and commit it.");
    }

    [Fact]
    public async Task The_document_describes_every_endpoint_its_parameters_and_its_errors()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var paths = document["paths"]!.AsObject();
        Assert.Equal(
            ["/api/v1/cluster-organisations", "/api/v1/cluster-organisations.geojson", "/api/v1/cluster-organisations/export.csv",
                "/api/v1/cluster-organisations/export.json", "/api/v1/cluster-organisations/export.xlsx", "/api/v1/cluster-organisations/{slug}",
                "/api/v1/countries", "/api/v1/vocabularies", "/api/v1/vocabularies/{name}"],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal));
        var search = paths["/api/v1/cluster-organisations"]!["get"]!;
        var parameters = search["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Superset(new HashSet<string>(["q", "sort", "page", "pageSize", "country", "technology", "cooperatesWith"]), parameters.ToHashSet());
        foreach (var (path, item) in paths)
        {
            var responses = item!["get"]!["responses"]!.AsObject();
            // Exports are written while they are read: no ETag, so no 304.
            var conditional = !path.Contains("/export.", StringComparison.Ordinal);
            Assert.True(responses.ContainsKey("200") && (responses.ContainsKey("304") || !conditional) && responses.ContainsKey("404") && responses.ContainsKey("429") && responses.ContainsKey("500"),
                $"{path} does not describe its answers: {string.Join(", ", responses.Select(r => r.Key))}");
        }
        var export = paths["/api/v1/cluster-organisations/export.json"]!["get"]!;
        Assert.Contains("country", export["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("#/components/schemas/ClusterOrganisation", export["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["items"]!["$ref"]!.GetValue<string>());
        var profile = document["components"]!["schemas"]!["ClusterOrganisation"]!["properties"]!.AsObject();
        Assert.Equal(
            ProfileSchemaNames(),
            profile.Select(p => p.Key).Where(p => !ClusterAtlas.Api.ProfileJson.IdentityProperties.Contains(p)));
    }

    private static IEnumerable<string> ProfileSchemaNames() => ClusterAtlas.Profiles.Schema.ProfileSchema.Fields.Select(ClusterAtlas.Api.ProfileJson.PropertyName);

    [Theory]
    [InlineData("/api/v1/cluster-organisations/" + SeedPage.Slug, "/api/v1/cluster-organisations/{slug}", 200)]
    [InlineData("/api/v1/cluster-organisations?q=metal&pageSize=2", "/api/v1/cluster-organisations", 200)]
    [InlineData("/api/v1/vocabularies", "/api/v1/vocabularies", 200)]
    [InlineData("/api/v1/vocabularies/technology-fields", "/api/v1/vocabularies/{name}", 200)]
    [InlineData("/api/v1/countries", "/api/v1/countries", 200)]
    [InlineData("/api/v1/cluster-organisations/nobody", "/api/v1/cluster-organisations/{slug}", 404)]
    [InlineData("/api/v1/cluster-organisations?page=0", "/api/v1/cluster-organisations", 400)]
    public async Task Real_answers_validate_against_the_committed_document(string url, string path, int status)
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath))!;
        var content = document["paths"]![path]!["get"]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!["content"]!.AsObject().Single();
        var schema = SchemaOf(content.Value!["schema"]!, document);
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(content.Key, response.Content.Headers.ContentType?.MediaType);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = schema.Evaluate(answer.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, $"{url} does not match its schema:\n" + string.Join("\n",
            (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).Take(20)));
    }

    [Fact]
    public async Task A_patch_answer_and_its_refusals_validate_against_the_committed_document()
    {
        var document = JsonNode.Parse(await File.ReadAllTextAsync(CommittedPath))!;
        var (browser, token, _) = await app.DemoAdministratorAsync();
        using var _b = browser;
        var (profile, etag) = await app.ReadAsync(token);

        // The acronym as it is: an answer like any other, and the demo profile stays as the other tests expect it.
        var (saved, savedJson) = await app.PatchAsync(token, new { acronym = profile["acronym"]?.GetValue<string>() }, etag);
        var (invalid, invalidJson) = await app.PatchAsync(token, new { colour = "blue" }, etag);
        var (unauthorised, unauthorisedJson) = await app.PatchAsync("clat_not-a-token", new { acronym = "X" }, etag);
        var (withoutIfMatch, withoutIfMatchJson) = await app.PatchAsync(token, new { acronym = "X" }, null);

        foreach (var (response, json) in new[] { (saved, savedJson), (invalid, invalidJson), (unauthorised, unauthorisedJson), (withoutIfMatch, withoutIfMatchJson) })
        {
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var content = document["paths"]!["/api/v1/cluster-organisations/{slug}"]!["patch"]!["responses"]![status]?["content"]?.AsObject().Single()
                ?? throw new Xunit.Sdk.XunitException($"PATCH answered {status}, which the document does not describe: {json}");
            Assert.Equal(content.Key, response.Content.Headers.ContentType?.MediaType);
            using var answer = JsonDocument.Parse(json!.ToJsonString());
            var result = SchemaOf(content.Value!["schema"]!, document).Evaluate(answer.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            Assert.True(result.IsValid, $"PATCH {status} does not match its schema:\n" + string.Join("\n",
                (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).Take(20)));
        }
        Assert.Equal([200, 422, 401, 428], new[] { saved, invalid, unauthorised, withoutIfMatch }.Select(r => (int)r.StatusCode));
    }

    /// <summary>A response's schema as a JSON Schema of its own: the document's components become its $defs.</summary>
    private static JsonSchema SchemaOf(JsonNode schema, JsonNode document)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://clusteratlas.test/contract/" + Guid.NewGuid().ToString("N"),
            ["$defs"] = document["components"]?["schemas"]?.DeepClone() ?? new JsonObject(),
            ["allOf"] = new JsonArray(schema.DeepClone()),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text);
    }
}

/// <summary>The reference page at /api/docs works offline: its script comes from the app, allowed by a nonce of its own.</summary>
public sealed class ApiReferencePageTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    [Fact]
    public async Task The_reference_page_loads_nothing_from_elsewhere_and_its_scripts_are_allowed_by_its_policy()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        var document = await ClusterAtlasFactory.ParseAsync(html);
        var scripts = document.QuerySelectorAll("script").ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            var nonce = script.GetAttribute("nonce");
            Assert.False(string.IsNullOrEmpty(nonce), "a script without a nonce: " + script.OuterHtml[..Math.Min(200, script.OuterHtml.Length)]);
            Assert.Contains($"'nonce-{nonce}'", policy, StringComparison.Ordinal);
        }
        var addresses = document.QuerySelectorAll("[src],[href]").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!).ToList();
        Assert.All(addresses, a => Assert.False(a.StartsWith("http", StringComparison.Ordinal) || a.StartsWith("//", StringComparison.Ordinal), "loaded from elsewhere: " + a));
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fonts.scalar.com", html, StringComparison.OrdinalIgnoreCase);
        foreach (var source in scripts.Select(s => s.GetAttribute("src")).OfType<string>())
        {
            using var script = await client.GetAsync(new Uri(new Uri("http://localhost/api/docs/"), source));
            Assert.True(script.StatusCode == HttpStatusCode.OK, $"{source}: {(int)script.StatusCode}");
            Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_reference_page_names_its_language_leads_back_to_the_site_and_its_script_is_cached_by_its_version()
    {
        using var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri("/api/docs/", UriKind.Relative));
        var document = await ClusterAtlasFactory.ParseAsync(html);
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.NotNull(document.QuerySelector("a[href='/']"));
        var sources = document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!).ToList();
        var bundle = Assert.Single(sources, s => s.StartsWith("scalar.js?v=", StringComparison.Ordinal));

        using var versioned = await client.GetAsync(new Uri(new Uri("http://localhost/api/docs/"), bundle));
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        var caching = versioned.Headers.CacheControl!;
        Assert.True(caching.Public && caching.MaxAge >= TimeSpan.FromDays(365), caching.ToString());
        // The address without the version may be any version: it stays revalidated by its ETag.
        using var unversioned = await client.GetAsync(new Uri("/api/docs/scalar.js", UriKind.Relative));
        Assert.True(unversioned.Headers.CacheControl!.NoCache);
        Assert.NotNull(unversioned.Headers.ETag);
    }

    [Fact]
    public async Task The_site_footer_links_the_reference_page()
    {
        using var client = app.CreateClient();
        var document = await ClusterAtlasFactory.ParseAsync(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.NotNull(document.QuerySelector("footer a[href='/api/docs/']"));
    }
}
