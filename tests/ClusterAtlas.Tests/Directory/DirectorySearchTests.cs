using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClusterAtlas.Data;
using ClusterAtlas.ImportExport;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.ClusterDirectory;

/// <summary>A directory of a few hand-made profiles plus generated sample profiles, searched through the JSON API.</summary>
public sealed class DirectorySearchFixture : IAsyncLifetime
{
    public EmptyDatabaseFactory App { get; } = new();
    public const int SampleCount = 150;

    private static readonly string[] Pages =
    [
        """
        Home > Cluster Organisations > Smart Textiles Cluster
        Sectoral Industries:
        Textile Manufacturing
        Technology fields:
        Solid biomass
        Cluster Excellence Label:
        Gold Label
        Total number of members:
        80
        Cluster Strategy
        We weave sensors into fabrics.
        Which clusters do you collaborate with?:
        Cluster Süd-Ost Textil, Austria
        Success Story / Achievements:
        1. Heated jackets - a product line made by five members.
        """,
        """
        Home > Cluster Organisations > Danube Logistics Network
        Sectoral Industries:
        Transportation and Logistics
        Textile Manufacturing
        Cluster Strategy
        Our members ship goods along the river; some carry smart textiles to the Süd markets of Bavaria. Barges sail under the stars.
        Cluster Excellence Label:
        Bronze Label
        Total number of members:
        40
        """,
        """
        Home > Cluster Organisations > Klaster Đurđevo Metal
        Sectoral Industries:
        Metalworking Technology
        Country:
        Serbia
        Cluster Strategy
        Metalworking for the Đurđevo region.
        Total number of members:
        25
        """,
        """
        Home > Cluster Organisations > Apex Metalworking Alliance
        Sectoral Industries:
        Metalworking Technology
        Cluster Strategy
        Presses and tooling for workshops.
        Total number of members:
        30
        """,
    ];

    public async Task InitializeAsync()
    {
        _ = App.Server;
        await using var scope = App.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<EccpProfileImporter>();
        foreach (var page in Pages)
        {
            await importer.ImportAsync(page, "fixture.txt", ProfileStatus.Published, CancellationToken.None);
        }
        await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>().GenerateAsync(SampleCount, seed: 7, progress: null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    public async Task<JsonElement> SearchAsync(string queryString)
    {
        using var client = App.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/cluster-organisations" + queryString, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{queryString}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public sealed class DirectorySearchTests(DirectorySearchFixture fixture) : IClassFixture<DirectorySearchFixture>
{
    private static List<string> Slugs(JsonElement result) => [.. result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!)];

    private static int Total(JsonElement result) => result.GetProperty("total").GetInt32();

    private static int FacetCount(JsonElement result, string facet, string value) =>
        result.GetProperty("facets").GetProperty(facet).EnumerateArray()
            .Where(v => v.GetProperty("value").GetString() == value).Select(v => v.GetProperty("count").GetInt32()).SingleOrDefault();

    [Fact]
    public async Task A_name_match_ranks_above_a_passing_mention()
    {
        var result = await fixture.SearchAsync("?q=smart+textiles");
        var slugs = Slugs(result);
        Assert.Equal("smart-textiles-cluster", slugs[0]);
        Assert.Contains("danube-logistics-network", slugs);
    }

    [Fact]
    public async Task Accents_and_case_are_folded()
    {
        Assert.Contains("danube-logistics-network", Slugs(await fixture.SearchAsync("?q=sud")));
        Assert.Contains("danube-logistics-network", Slugs(await fixture.SearchAsync("?q=S%C3%9CD"))); // SÜD
        Assert.Equal(["klaster-durdevo-metal"], Slugs(await fixture.SearchAsync("?q=durdevo")));
        Assert.Equal(["klaster-durdevo-metal"], Slugs(await fixture.SearchAsync("?q=%C4%90ur%C4%91evo"))); // Đurđevo
    }

    [Fact]
    public async Task Words_in_Cyrillic_find_what_they_spell_in_Latin()
    {
        Assert.Equal(["klaster-durdevo-metal"], Slugs(await fixture.SearchAsync("?q=" + Uri.EscapeDataString("Ђурђево"))));
        Assert.Equal(["klaster-durdevo-metal"], Slugs(await fixture.SearchAsync("?q=" + Uri.EscapeDataString("КЛАСТЕР ђурђево"))));
        Assert.Contains("smart-textiles-cluster", Slugs(await fixture.SearchAsync("?q=" + Uri.EscapeDataString("смарт")))); // "smart"
        Assert.Equal("lj nj dž šč Lj Džep", ClusterAtlas.ClusterDirectory.CyrillicToLatin.Convert("љ њ џ щ Љ Џеп"));
        Assert.Equal("vojvodanski klaster", ClusterAtlas.ClusterDirectory.SearchDocument.Fold("Војвођански Кластер")); // as "Vojvođanski" folds
    }

    [Fact]
    public async Task Word_forms_and_prefixes_match()
    {
        Assert.Contains("smart-textiles-cluster", Slugs(await fixture.SearchAsync("?q=sensor")));      // stem of "sensors"
        Assert.Contains("smart-textiles-cluster", Slugs(await fixture.SearchAsync("?q=jacket")));      // in a success story
        Assert.Contains("smart-textiles-cluster", Slugs(await fixture.SearchAsync("?q=weav")));        // typed prefix
        Assert.Contains("klaster-durdevo-metal", Slugs(await fixture.SearchAsync("?q=metalwork")));
    }

    [Fact]
    public async Task Results_carry_highlighted_snippets()
    {
        var item = (await fixture.SearchAsync("?q=sensors")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("slug").GetString() == "smart-textiles-cluster");
        Assert.Contains("<mark>sensors</mark>", item.GetProperty("snippet").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_found_suggests_the_nearest_spelling()
    {
        // No word is found alone either (a word found alone gives the profiles with some of the words instead).
        var result = await fixture.SearchAsync("?q=texttiles+manufactring");
        Assert.Equal(0, Total(result));
        Assert.Equal("textiles manufacturing", result.GetProperty("suggestedQuery").GetString());
    }

    [Fact]
    public async Task A_whole_word_in_the_name_ranks_above_a_name_that_merely_starts_with_it()
    {
        // "metal" while typing also matches "Metalworking" as a prefix; the name with the word itself comes first.
        foreach (var q in new[] { "metal", "metal+" })
        {
            var names = (await fixture.SearchAsync($"?q={q}&pageSize=100")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("name").GetString()!).ToList();
            var withWord = names.FindAll(n => System.Text.RegularExpressions.Regex.Split(n, @"[^\p{L}]+").Any(w => w is "Metal" or "Metals"));
            Assert.Contains("Klaster Đurđevo Metal", withWord);
            Assert.Contains("Apex Metalworking Alliance", names);
            Assert.Equal(withWord, names.Take(withWord.Count));
        }
    }

    [Fact]
    public async Task When_no_profile_has_every_word_those_with_some_of_them_are_shown_most_words_first()
    {
        var all = await fixture.SearchAsync("?q=sensors+fabrics+durdevo");
        Assert.True(all.GetProperty("matchesSomeWords").GetBoolean());
        var slugs = Slugs(all);
        Assert.Equal("smart-textiles-cluster", slugs[0]); // two of the three words
        Assert.Contains("klaster-durdevo-metal", slugs);  // one of them
        Assert.Equal(slugs.Count, Total(all));
        Assert.Equal(1, FacetCount(all, "label", "gold"));   // the facets count the same profiles
        Assert.Equal(1, FacetCount(all, "country", "RS"));

        var every = await fixture.SearchAsync("?q=sensors+fabrics");
        Assert.False(every.GetProperty("matchesSomeWords").GetBoolean());
        Assert.Equal(["smart-textiles-cluster"], Slugs(every));
    }

    [Fact]
    public async Task Did_you_mean_leaves_alone_the_words_the_directory_holds()
    {
        // "stars" is in a profile's text, one letter from the vocabulary's "Start-up"; no profile has both words.
        var result = await fixture.SearchAsync("?q=stars+metalworking");
        Assert.True(result.GetProperty("matchesSomeWords").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("suggestedQuery").ValueKind);
        Assert.Contains("danube-logistics-network", Slugs(result));

        // A vocabulary word ("textiles", an S3 area) in another form is not misspelt either.
        var misspelt = await fixture.SearchAsync("?q=textiles+manufactring");
        Assert.Equal("textiles manufacturing", misspelt.GetProperty("suggestedQuery").GetString());
    }

    [Fact]
    public async Task Did_you_mean_offers_only_a_spelling_that_finds_something()
    {
        var result = await fixture.SearchAsync("?q=textils+manufactring&country=AQ");
        Assert.Equal(0, Total(result));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("suggestedQuery").ValueKind);
    }

    [Fact]
    public async Task Relevance_and_best_match_are_the_same_sort()
    {
        Assert.Equal(Slugs(await fixture.SearchAsync("?q=cluster&pageSize=100")), Slugs(await fixture.SearchAsync("?q=cluster&sort=relevance&pageSize=100")));
        Assert.Equal(Slugs(await fixture.SearchAsync("?pageSize=100")), Slugs(await fixture.SearchAsync("?sort=relevance&pageSize=100")));

        var page = await fixture.App.GetDocumentAsync("/cluster-organisations?q=cluster&sort=relevance");
        var options = page.QuerySelectorAll("select#sort option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", "name", "newest", "members"], options);
        Assert.Equal("", page.QuerySelector("select#sort option[selected]")!.GetAttribute("value"));
    }

    [Theory]
    [InlineData("country", "")]
    [InlineData("sector", "")]
    [InlineData("label", "")]
    [InlineData("members", "")]
    [InlineData("country", "&label=gold&label=silver")]
    [InlineData("sector", "&country=ES&members=21-50")]
    [InlineData("service", "&q=cluster")]
    public async Task A_facet_value_alone_selected_gives_the_count_it_showed(string facet, string otherFilters)
    {
        var before = await fixture.SearchAsync("?pageSize=1" + otherFilters);
        var values = before.GetProperty("facets").GetProperty(facet).EnumerateArray().Take(4).ToList();
        Assert.NotEmpty(values);
        foreach (var value in values)
        {
            var code = value.GetProperty("value").GetString()!;
            var selected = await fixture.SearchAsync($"?pageSize=1{otherFilters}&{facet}={Uri.EscapeDataString(code)}");
            Assert.Equal(value.GetProperty("count").GetInt32(), Total(selected));
            // Disjunctive: the facet's own counts do not shrink when one of its values is chosen.
            Assert.Equal(value.GetProperty("count").GetInt32(), FacetCount(selected, facet, code));
        }
    }

    [Fact]
    public async Task Values_within_a_facet_are_ORed_and_facets_are_ANDed()
    {
        var es = Total(await fixture.SearchAsync("?country=ES"));
        var fr = Total(await fixture.SearchAsync("?country=FR"));
        Assert.Equal(es + fr, Total(await fixture.SearchAsync("?country=ES&country=FR")));
        var esGold = Total(await fixture.SearchAsync("?country=ES&label=gold"));
        Assert.True(esGold <= es);
    }

    [Fact]
    public async Task Counts_kept_for_a_search_follow_its_words_and_filters_whatever_their_order()
    {
        // Each search's counts are kept for the directory's current state: asked again in another order, with other
        // filters or other words, each must still get its own.
        var es = await fixture.SearchAsync("?q=cluster&country=ES&sort=name");
        var fr = await fixture.SearchAsync("?q=cluster&country=FR");
        var both = await fixture.SearchAsync("?q=cluster&country=ES&country=FR");
        var bothReordered = await fixture.SearchAsync("?country=FR&sort=newest&country=ES&q=cluster");
        Assert.Equal(Total(es) + Total(fr), Total(both));
        Assert.Equal(Total(both), Total(bothReordered));
        Assert.Equal(both.GetProperty("facets").ToString(), bothReordered.GetProperty("facets").ToString());
        Assert.NotEqual(Total(es), Total(await fixture.SearchAsync("?q=textiles&country=ES")));
        Assert.Equal(Total(es), FacetCount(es, "country", "ES"));
        Assert.Equal(Total(fr), FacetCount(es, "country", "FR"));
    }

    [Fact]
    public async Task Choosing_a_parent_term_includes_its_children()
    {
        // The shipped technology list is flat; give one term a child here, as administrators can.
        var (parentSlug, childProfile) = await fixture.App.WithDbAsync(async db =>
        {
            var parent = await db.VocabularyTerms.SingleAsync(t => t.Vocabulary == Vocabulary.TechnologyFields && t.Label == "Computer Software");
            var child = new VocabularyTerm { Vocabulary = Vocabulary.TechnologyFields, Label = "Embedded Software Tools", MatchKey = TextFolding.MatchKey("Embedded Software Tools"), ParentId = parent.Id, SortOrder = 100 };
            db.VocabularyTerms.Add(child);
            await db.SaveChangesAsync();
            var profile = await db.ClusterOrganisations.Include(p => p.Terms).SingleAsync(p => p.Slug == "klaster-durdevo-metal");
            profile.Terms.Add(new ProfileTerm { Field = ProfileField.TechnologyField, VocabularyTermId = child.Id, SortOrder = 50 });
            await db.SaveChangesAsync();
            return (TextFolding.Slug(parent.Label), profile.Slug);
        });
        fixture.App.Services.GetRequiredService<ClusterAtlas.ClusterDirectory.DirectoryIndex>().MarkStale();

        var byParent = await fixture.SearchAsync($"?technology={parentSlug}&pageSize=100");
        Assert.Contains(childProfile, Slugs(byParent));
        var byChild = await fixture.SearchAsync("?technology=embedded-software-tools");
        Assert.Equal([childProfile], Slugs(byChild));
        Assert.True(FacetCount(byParent, "technology", parentSlug) >= FacetCount(byParent, "technology", "embedded-software-tools"));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("newest")]
    [InlineData("members")]
    [InlineData("relevance")]
    public async Task Paging_has_no_duplicates_or_gaps(string sort)
    {
        var q = sort == "relevance" ? "&q=cluster" : "";
        var all = await fixture.SearchAsync($"?sort={sort}{q}&pageSize=100");
        var total = Total(all);
        Assert.True(total > 40, $"only {total} results");
        var paged = new List<string>();
        for (var page = 1; (page - 1) * 17 < total; page++)
        {
            paged.AddRange(Slugs(await fixture.SearchAsync($"?sort={sort}{q}&pageSize=17&page={page}")));
        }
        Assert.Equal(total, paged.Count);
        Assert.Equal(total, paged.Distinct().Count());
        Assert.Equal(Slugs(all).Take(100), paged.Take(100));
    }

    [Theory]
    [InlineData("?page=-3", "page")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=abc", "page")]
    [InlineData("?pageSize=100000", "pageSize")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?sort=cheapest", "sort")]
    [InlineData("?colour=blue", "colour")]
    [InlineData("?country=XX", "country")]
    [InlineData("?country=Serbia", "country")]
    [InlineData("?sector=quantum-fishing", "sector")]
    [InlineData("?label=platinum", "label")]
    [InlineData("?members=lots", "members")]
    [InlineData("?q=a&q=b", "q")]
    [InlineData("?q=textiles&utm_source=newsletter", "utm_source")]
    [InlineData("?fbclid=abc", "fbclid")]
    public async Task Bad_parameters_get_a_problem_details_400_naming_the_parameter(string queryString, string parameter)
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(new Uri("/api/v1/cluster-organisations" + queryString, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/cluster-organisations/export.csv?country=RS&page=99999", "page")]
    [InlineData("/api/v1/cluster-organisations/export.json?pageSize=1", "pageSize")]
    [InlineData("/api/v1/cluster-organisations.geojson?pageSize=1&page=3", "page")]
    [InlineData("/api/v1/cluster-organisations.geojson?sort=name", "sort")]
    public async Task The_answers_with_every_match_at_once_name_sort_and_paging_as_parameters_they_do_not_take(string url, string parameter)
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var message = problem.GetProperty("errors").GetProperty(parameter)[0].GetString()!;
        Assert.StartsWith($"Unknown parameter '{parameter}'. Known: q, ", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_profiles_are_marked_as_such()
    {
        var result = await fixture.SearchAsync("?pageSize=100&sort=name");
        var items = result.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("sampleData").GetBoolean());
        var real = (await fixture.SearchAsync("?q=smart+textiles+cluster")).GetProperty("items")[0];
        Assert.Equal("smart-textiles-cluster", real.GetProperty("slug").GetString());
        Assert.False(real.GetProperty("sampleData").GetBoolean());
        var sample = items.First(i => i.GetProperty("sampleData").GetBoolean()).GetProperty("slug").GetString();
        var page = await fixture.App.GetDocumentAsync($"/cluster-organisations/{sample}");
        Assert.NotNull(page.QuerySelector(".badge-sample"));
        Assert.EndsWith(".example.org", page.QuerySelector(".profile-contact a[href^='https://']")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_works_without_javascript()
    {
        var page = await fixture.App.GetDocumentAsync("/cluster-organisations?q=textiles&country=AT&country=RS");
        Assert.Equal("textiles", page.QuerySelector("input#q")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("form#directory-search[method=get]"));
        Assert.NotNull(page.QuerySelector("input[type=checkbox][name=country][value=AT][checked]"));
        Assert.NotNull(page.QuerySelector("input[type=checkbox][name=country][value=RS][checked]"));
        var links = page.QuerySelectorAll(".result-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/cluster-organisations/danube-logistics-network", links);

        var fragment = await fixture.App.GetDocumentAsync("/cluster-organisations?q=smart+textiles&fragment=results");
        Assert.Null(fragment.QuerySelector("header.site-header"));
        Assert.Equal("/cluster-organisations/smart-textiles-cluster", fragment.QuerySelector(".result-title a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_search_page_explains_a_bad_parameter()
    {
        using var client = fixture.App.CreateClient();
        using var response = await client.GetAsync(new Uri("/cluster-organisations?page=-3&utm_source=newsletter", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());
        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("page", alert, StringComparison.Ordinal);
        Assert.DoesNotContain("utm_source", alert, StringComparison.Ordinal); // a tracking tag is no error on the page
    }

    [Fact]
    public async Task A_new_import_is_found_at_once()
    {
        await fixture.App.WithServiceAsync<EccpProfileImporter, ImportReport>(importer => importer.ImportAsync(
            "Home > Cluster Organisations > Zyxwv Photonics Cluster\nSectoral Industries:\nLighting and Electrical Equipment\n",
            "new.txt", ProfileStatus.Published, CancellationToken.None));
        Assert.Equal(["zyxwv-photonics-cluster"], Slugs(await fixture.SearchAsync("?q=zyxwv")));
    }

    [Fact]
    public async Task A_word_searched_before_a_new_profile_has_it_finds_that_profile_too()
    {
        // The word's matches are kept for the directory as it was: a new snapshot must not read the old one's.
        Task ImportAsync(string name) => fixture.App.WithServiceAsync<EccpProfileImporter, ImportReport>(importer => importer.ImportAsync(
            $"Home > Cluster Organisations > {name}\nSectoral Industries:\nLighting and Electrical Equipment\n", "new.txt", ProfileStatus.Published, CancellationToken.None));
        await ImportAsync("Qwertzu Optics Cluster");
        Assert.Equal(["qwertzu-optics-cluster"], Slugs(await fixture.SearchAsync("?q=qwertzu")));
        await ImportAsync("Qwertzu Laser Cluster");
        Assert.Equal(["qwertzu-laser-cluster", "qwertzu-optics-cluster"], Slugs(await fixture.SearchAsync("?q=qwertzu")).Order(StringComparer.Ordinal));
    }
}
