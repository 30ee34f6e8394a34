using System.Net;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using ClusterAtlas.Vocabularies;
using CsCheck;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ClusterAtlas.Tests.Fuzzing;

/// <summary>
/// Generated hostile input thrown at the importer, the search parameters and every form handler: no unhandled
/// exception, no 500, nothing stored on refusal. A failure prints CsCheck's seed; pass it as `seed:` to replay it.
/// </summary>
public sealed class FuzzTests(ClusterAtlasFactory app, ITestOutputHelper output) : IClassFixture<ClusterAtlasFactory>
{
    private static readonly EccpProfilePageParser Parser = new(CountryList.Load());

    [Fact]
    [Trait("Database", "none")] // pure parsing: the PostgreSQL pass of ./test.sh leaves out what it would only repeat
    public void The_parser_reads_or_refuses_any_page_and_never_throws_anything_else()
    {
        var cases = HostileInput.Cases(500); // about 40 s of a core at 2,000; CLUSTERATLAS_FUZZ_CASES asks for more
        HostileInput.ProfilePage(SeedPage.Text).Sample(page =>
        {
            try
            {
                var parsed = Parser.Parse(page, "fuzz.txt");
                Assert.False(string.IsNullOrWhiteSpace(parsed.Profile.Name));
            }
            catch (MalformedProfilePageException refused)
            {
                Assert.True(refused.Line >= 1, "a refusal names its line");
            }
        }, iter: cases, threads: 1, writeLine: output.WriteLine);
        output.WriteLine($"{cases} pages parsed or refused");
    }

    [Fact]
    public async Task The_importer_stores_a_page_whole_or_not_at_all()
    {
        var cases = HostileInput.Cases(150);
        var refused = 0;
        await HostileInput.ProfilePage(SeedPage.Text).SampleAsync(async page =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var importer = scope.ServiceProvider.GetRequiredService<EccpProfileImporter>();
            var before = await app.SnapshotAsync();
            try
            {
                await importer.ImportAsync(page, "fuzz.txt", ProfileStatus.Draft, CancellationToken.None);
            }
            catch (Exception refusal) when (refusal is MalformedProfilePageException or ProfileImportRefusedException)
            {
                // A page that cannot be read, or one over a profile its members now keep (another test edited it), is refused whole.
                Interlocked.Increment(ref refused);
                Assert.Equal(before, await app.SnapshotAsync());
            }
        }, iter: cases, threads: 1, writeLine: output.WriteLine);
        output.WriteLine($"{cases} imports, {refused} refused with nothing stored");
    }

    private static readonly string[] SearchParameters =
        ["q", "country", "region", "sector", "technology", "s3", "label", "service", "members", "cooperatesWith", "sort", "page", "pageSize", "utm_source", "fbclid", "handler", ""];

    private static readonly Gen<string> SearchQuery =
        Gen.Select(Gen.OneOf(SearchParameters), HostileInput.Value).Array[0, 6]
            .Select(pairs => "?" + string.Join('&', pairs.Select(p => Uri.EscapeDataString(p.Item1) + "=" + Uri.EscapeDataString(ReplaceLoneSurrogates(p.Item2)))));

    [Theory]
    [InlineData("/cluster-organisations")]
    [InlineData("/api/v1/cluster-organisations")]
    public async Task Search_answers_any_parameters_without_a_server_error(string path)
    {
        var cases = HostileInput.Cases(600);
        using var client = app.CreateClient();
        var statuses = new Dictionary<int, int>();
        await SearchQuery.SampleAsync(async query =>
        {
            using var response = await client.GetAsync(new Uri(path + query, UriKind.Relative));
            Assert.True((int)response.StatusCode < 500, $"{path}{query} answered {(int)response.StatusCode}");
            lock (statuses)
            {
                statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            }
        }, iter: cases, threads: 1, writeLine: output.WriteLine);
        output.WriteLine($"{cases} searches: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value}× {s.Key}")));
    }

    [Fact]
    public async Task Every_form_handler_answers_hostile_values_without_a_server_error()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await ProfileScenarios.RegisterProfileAsync(owner, "Fuzzed Forms Cluster");
        var forms = await FormsAsync(owner, slug);
        Assert.True(forms.Count >= 10, $"only {forms.Count} forms found");
        var cases = HostileInput.Cases(400);
        var gen = Gen.Select(Gen.Int[0, forms.Count - 1], HostileInput.Value.Array[16]);
        var answered = new Dictionary<int, int>();
        await gen.SampleAsync(async (index, values) =>
        {
            var form = forms[index];
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < form.Fields.Count; i++)
            {
                fields[form.Fields[i]] = ReplaceLoneSurrogates(values[i % values.Length]);
            }
            var before = await app.SnapshotAsync();
            using var response = await ProfileScenarios.PostWithTokenAsync(owner, form.Action, fields);
            Assert.True((int)response.StatusCode < 500, $"POST {form.Action} answered {(int)response.StatusCode} for {string.Join("&", fields.Select(f => f.Key + "=" + Uri.EscapeDataString(f.Value[..Math.Min(f.Value.Length, 40)])))}");
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.Equal(before, await app.SnapshotAsync());
            }
            lock (answered)
            {
                answered[(int)response.StatusCode] = answered.GetValueOrDefault((int)response.StatusCode) + 1;
            }
        }, iter: cases, threads: 1, writeLine: output.WriteLine);
        output.WriteLine($"{cases} posts to {forms.Count} forms: " + string.Join(", ", answered.OrderBy(s => s.Key).Select(s => $"{s.Value}× {s.Key}")));
    }

    private sealed record FormUnderTest(string Action, List<string> Fields);

    /// <summary>Every POST form of every page the owner can open, with the names of its fields, found from the endpoint list.</summary>
    private async Task<List<FormUnderTest>> FormsAsync(HttpClient owner, string slug)
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var forms = new List<FormUnderTest>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page)
            {
                continue;
            }
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            // Signing out or deleting the account would end the session the other cases need.
            if (!compiled.HandlerMethods.Any(h => h.HttpMethod == "Post") || pattern is "/account/logout" or "/account/delete")
            {
                continue;
            }
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "\\{(slug|step|id|code)[^}]*\\}", m => m.Groups[1].Value switch
            {
                "slug" => slug,
                "step" => "general",
                _ => "1",
            });
            using var get = await owner.GetAsync(new Uri(path, UriKind.Relative));
            var document = await ClusterAtlasFactory.ParseAsync(await get.Content.ReadAsStringAsync());
            foreach (var form in document.QuerySelectorAll("form[method=post]"))
            {
                var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
                var names = form.QuerySelectorAll("input[name], select[name], textarea[name]")
                    .Select(e => e.GetAttribute("name")!).Where(n => n != "__RequestVerificationToken").Distinct().ToList();
                forms.Add(new(action, names.Count > 0 ? names : ["value"]));
            }
        }
        output.WriteLine(string.Join("\n", forms.Select(f => $"{f.Action}: {f.Fields.Count} fields")));
        return forms;
    }

    /// <summary>HTTP clients cannot send a lone surrogate; what a browser would send instead is the replacement character.</summary>
    private static string ReplaceLoneSurrogates(string value) => string.Create(value.Length, value, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            var paired = char.IsHighSurrogate(c) ? i + 1 < source.Length && char.IsLowSurrogate(source[i + 1])
                : !char.IsLowSurrogate(c) || (i > 0 && char.IsHighSurrogate(source[i - 1]));
            span[i] = paired ? c : '\ufffd';
        }
    });
}
