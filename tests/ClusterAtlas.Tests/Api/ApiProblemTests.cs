using System.Net;
using System.Text.Json;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Api;

/// <summary>Every error under /api/ is problem details (RFC 9457) naming what was wrong, never the HTML error page.</summary>
public sealed class ApiProblemTests(ApiFactory app) : IClassFixture<ApiFactory>
{
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    private async Task<JsonElement> GetProblemAsync(string url, HttpStatusCode status)
    {
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return await ProblemAsync(response, status);
    }

    [Fact]
    public async Task An_unknown_path_is_a_404_problem_naming_the_path()
    {
        var problem = await GetProblemAsync("/api/v1/cluster-organisation", HttpStatusCode.NotFound);
        Assert.Equal("/api/v1/cluster-organisation", problem.GetProperty("path").GetString());
        await GetProblemAsync("/api/v2/anything.json", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_slug_or_vocabulary_is_a_404_problem_naming_the_parameter()
    {
        var profile = await GetProblemAsync("/api/v1/cluster-organisations/no-such-cluster", HttpStatusCode.NotFound);
        Assert.Equal("slug", profile.GetProperty("parameter").GetString());
        Assert.Contains("no-such-cluster", profile.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var vocabulary = await GetProblemAsync("/api/v1/vocabularies/colours", HttpStatusCode.NotFound);
        Assert.Equal("name", vocabulary.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task A_bad_parameter_is_a_400_problem_naming_it()
    {
        var problem = await GetProblemAsync("/api/v1/cluster-organisations?pageSize=1000", HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task A_method_the_api_does_not_take_is_a_405_problem()
    {
        using var client = app.CreateClient();
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PutAsync(new Uri("/api/v1/countries", UriKind.Relative), content);
        var problem = await ProblemAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Equal("PUT", problem.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Pages_outside_the_api_keep_their_html_error_page()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>Throttled and failing requests are problems too: 429 with Retry-After, 500 without a stack trace.</summary>
public sealed class ApiFailureProblemTests
{
    [Fact]
    public async Task Too_many_requests_from_one_client_are_a_429_problem_with_retry_after()
    {
        await using var app = new ThrottledApiFactory();
        using var client = app.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.GetAsync(new Uri("/api/v1/countries", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await client.GetAsync(new Uri("/api/v1/countries", UriKind.Relative));
        var problem = await ApiProblemTests.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.True(problem.GetProperty("retryAfter").GetInt32() > 0);
    }

    [Fact]
    public async Task A_failure_is_a_500_problem_that_shows_no_internals()
    {
        await using var app = new ClusterAtlasFactory();
        using var client = app.CreateClient();
        // The vocabularies' table disappears under the running application.
        await app.WithDbAsync(async db =>
        {
            var table = db.Model.FindEntityType(typeof(VocabularyTerm))!.GetTableName()!;
#pragma warning disable EF1002 // the table's name comes from the model, not from input.
            return await db.Database.ExecuteSqlRawAsync($"ALTER TABLE \"{table}\" RENAME TO \"{table}Gone\"");
#pragma warning restore EF1002
        });
        using var response = await client.GetAsync(new Uri("/api/v1/vocabularies/sectoral-industries", UriKind.Relative));
        var problem = await ApiProblemTests.ProblemAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Gone", body, StringComparison.Ordinal);
    }
}
