using AngleSharp.Dom;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>
/// The management team on the profile page: a team published by role only (the demo profile's ECCP page names nobody)
/// says so and lists each role once, with how many hold it, rather than cards of bare roles; named people are listed by name.
/// </summary>
public sealed class ManagementTeamTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private const string Url = "/cluster-organisations/" + SeedPage.Slug;
    private const string Phone = "+381 21 844 923";

    [Theory]
    [InlineData(Url)]
    [InlineData(Url + "/print")]
    public async Task A_team_published_by_role_only_says_so_and_lists_each_role_once_with_how_many_hold_it(string url)
    {
        var page = await app.GetDocumentAsync(url);

        Assert.Equal("This profile lists its team by role: the names are not published.", page.QuerySelector("#general .team-note")?.TextContent.Trim());
        Assert.Equal(
            [("Cluster Manager", "", Phone), ("ECCP Responsible Person", "3 people", Phone), ("Internationalisation Responsible", "2 people", Phone)],
            Entries(page));
        Assert.Empty(page.QuerySelectorAll(".team-name"));
    }

    [Theory]
    [InlineData("de", "Dieses Profil nennt sein Team nach Rollen: Die Namen werden nicht veröffentlicht.", "3 Personen")]
    [InlineData("sr-Latn", "Ovaj profil navodi svoj tim po ulogama: imena se ne objavljuju.", "3 osobe")]
    public async Task The_note_and_the_counts_are_in_the_readers_language(string language, string note, string three)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Url, UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        var page = await ClusterAtlasFactory.ParseAsync(await response.Content.ReadAsStringAsync());

        Assert.Equal(note, page.QuerySelector("#general .team-note")?.TextContent.Trim());
        Assert.Equal(three, page.QuerySelectorAll(".team-count")[0].TextContent.Trim());
    }

    [Fact]
    public async Task Named_people_are_listed_by_name_and_the_others_by_role_under_their_own_note()
    {
        using var owner = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await app.PublishedProfileAsync(owner, "Named Team Cluster", profile => profile.ManagementTeam.AddRange(
        [
            new() { SortOrder = 0, Name = "Jelena Petrović", Role = "Cluster Manager", Phone = Phone },
            new() { SortOrder = 1, Name = "Marko Jovanović", Role = "ECCP Responsible Person", Email = "marko@cluster.example.org", ContactVisibility = ContactVisibility.MembersOnly },
            new() { SortOrder = 2, Role = "Internationalisation Responsible", Phone = Phone },
            new() { SortOrder = 3, Role = "Internationalisation Responsible", Phone = Phone },
        ]));

        var page = await app.GetDocumentAsync($"/cluster-organisations/{slug}");

        Assert.Equal(["Jelena Petrović", "Marko Jovanović"], page.QuerySelectorAll(".team-name").Select(n => n.TextContent.Trim()));
        Assert.Equal(
            [("Cluster Manager", "", Phone), ("ECCP Responsible Person", "", ""), ("Internationalisation Responsible", "2 people", Phone)],
            Entries(page));
        Assert.Equal("Contact details are shown to signed-in members.", page.QuerySelectorAll(".team-member")[1].QuerySelector(".team-contact")?.TextContent.Trim());
        var note = page.QuerySelector("#general .team-note");
        Assert.Equal("Further team members by role: their names are not published.", note?.TextContent.Trim());
        // The note stands between the named people and the roles it speaks of.
        Assert.Equal("team", note?.NextElementSibling?.ClassName);
        Assert.Equal("team", note?.PreviousElementSibling?.ClassName);
    }

    /// <summary>Each card of the team: its role, how many hold it (empty for one) and its phone.</summary>
    private static List<(string Role, string Count, string Phone)> Entries(IDocument page) =>
    [
        .. page.QuerySelectorAll(".team-member").Select(member => (
            member.QuerySelector(".team-role")?.TextContent.Trim() ?? "",
            member.QuerySelector(".team-count")?.TextContent.Trim() ?? "",
            member.QuerySelector(".team-contact a[href^='tel:']")?.TextContent.Replace('\u00A0', ' ') ?? "")),
    ];
}
