using System.Net;
using AngleSharp.Dom;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Profiles.ProfileScenarios;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>The profile form's error summary, its "Add another" buttons without script, and its suggested roles.</summary>
public sealed class ProfileFormTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task The_error_summary_names_each_field_and_links_to_it_in_the_order_of_the_form()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Summary Order Cluster");

        using var general = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/general", new()
        {
            ["Form.ManagementTeam[0].Name"] = "Ana",
            ["Form.ManagementTeam[0].Email"] = "ana at example",
            ["Form.ManagementTeam[1].Name"] = "Marko",
            ["Form.ManagementTeam[1].Email"] = "marko at example",
            ["Form.Languages"] = "Klingon",
            ["Form.ManagementTeamFte"] = "-1",
        });
        Assert.Equal(HttpStatusCode.OK, general.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await general.Content.ReadAsStringAsync());
        var links = SummaryLinks(page);
        Assert.Equal(
        [
            ("Form_ManagementTeamFte", "Management team in full-time equivalents: Enter a number from 0 to 10,000."),
            ("Form_Languages", "Languages spoken: Entry 1: “Klingon” is not a language we know. Write its name, such as Serbian, or its two-letter code."),
            ("Form_ManagementTeam_0__Email", "Team member 1, E-mail: Enter an e-mail address such as name@example.org."),
            ("Form_ManagementTeam_1__Email", "Team member 2, E-mail: Enter an e-mail address such as name@example.org."),
        ], links);
        AssertEachLeadsToAnInputInDocumentOrder(page, links);

        // The cooperation step lists Europe first: the summary follows the form, not the order of the checks.
        using var cooperation = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/cooperation", new()
        {
            ["Form.CountriesOutsideEurope"] = "Mordor",
            ["Form.CountriesInEurope"] = "Atlantis",
            ["Form.CollaboratingClusters[0].Name"] = "",
            ["Form.CollaboratingClusters[0].CountryCode"] = "DE",
            ["Form.CollaboratingClusters[1].Name"] = "Baltic Wood",
            ["Form.CollaboratingClusters[1].CountryCode"] = "XX",
        });
        page = await ClusterAtlasFactory.ParseAsync(await cooperation.Content.ReadAsStringAsync());
        links = SummaryLinks(page);
        Assert.Equal(["Form_CountriesInEurope", "Form_CountriesOutsideEurope", "Form_CollaboratingClusters_1__CountryCode"], links.Select(l => l.Target));
        Assert.StartsWith("Partner 2, Country: Choose a country from the list.", links[2].Text, StringComparison.Ordinal);
        AssertEachLeadsToAnInputInDocumentOrder(page, links);

        // A vocabulary's error leads to its group of choices, which takes the focus.
        using var focus = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/focus", new() { ["Form.OtherSpecialisationAreas"] = "Robots" });
        page = await ClusterAtlasFactory.ParseAsync(await focus.Content.ReadAsStringAsync());
        Assert.Equal([("Form_SectoralIndustries", "Sectoral industries: Choose at least one sectoral industry.")], SummaryLinks(page));
        var group = page.GetElementById("Form_SectoralIndustries")!;
        Assert.Equal("fieldset", group.LocalName);
        Assert.Equal("-1", group.GetAttribute("tabindex"));
    }

    [Fact]
    public async Task Add_another_without_script_saves_the_step_and_comes_back_with_one_more_empty_row()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Add Another Cluster");
        var form = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/general", UriKind.Relative)));
        // One empty row to type into, and the button.
        Assert.Single(Rows(form, "ManagementTeam"));
        Assert.Equal("ManagementTeam", form.QuerySelector("button[name=add]")!.GetAttribute("value"));

        using var added = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/general", new()
        {
            ["Form.OtherLabels"] = "ISO 9001",
            ["Form.ManagementTeam[0].Name"] = "Ana Petrović",
            ["Form.ManagementTeam[0].Role"] = "Cluster Manager",
            ["add"] = "ManagementTeam",
        });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var location = added.Headers.Location!.OriginalString;
        Assert.Equal($"/cluster-organisations/{slug}/edit/general?saved=true&add=ManagementTeam&rows=1", location);
        var stored = await app.WithDbAsync(db => db.ClusterOrganisations.Include(p => p.ManagementTeam).SingleAsync(p => p.Slug == slug));
        Assert.Equal("ISO 9001", stored.OtherLabels);
        Assert.Equal(["Ana Petrović"], stored.ManagementTeam.Select(m => m.Name));
        form = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri(location, UriKind.Relative)));
        var rows = Rows(form, "ManagementTeam");
        Assert.Equal(2, rows.Count);
        Assert.Equal("Ana Petrović", form.GetElementById("Form_ManagementTeam_0__Name")!.GetAttribute("value"));
        var newName = form.GetElementById("Form_ManagementTeam_1__Name")!;
        Assert.True(string.IsNullOrEmpty(newName.GetAttribute("value")));
        Assert.True(newName.HasAttribute("autofocus"), "the new row's first field takes the focus");
        Assert.Single(form.QuerySelectorAll("[autofocus]"));
        Assert.Equal("Team member 2", rows[1].QuerySelector("legend")!.TextContent.Trim());

        // Pressed again without filling the new row: two empty rows now, nothing else changes.
        using var again = await browser.SubmitFormAsync(location, new() { ["add"] = "ManagementTeam" });
        Assert.EndsWith("&add=ManagementTeam&rows=2", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
        form = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(again.Headers.Location));
        Assert.Equal(3, Rows(form, "ManagementTeam").Count);

        // With a mistake in the step nothing is saved, what was typed stays, and the row is added all the same.
        using var refused = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/composition", new()
        {
            ["Form.TotalMembers"] = "-5",
            ["Form.SupportFacilities[0].Name"] = "Novi Sad Science Park",
            ["add"] = "SupportFacilities",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        form = await ClusterAtlasFactory.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Novi Sad Science Park", form.GetElementById("Form_SupportFacilities_0__Name")!.GetAttribute("value"));
        Assert.Equal("-5", form.GetElementById("Form_TotalMembers")!.GetAttribute("value"));
        Assert.Equal(2, Rows(form, "SupportFacilities").Count);
        Assert.True(form.GetElementById("Form_SupportFacilities_1__Name")!.HasAttribute("autofocus"));
        Assert.Null(await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.TotalMembers).SingleAsync()));

        // Every repeated group has its button, on the step that shows it.
        foreach (var (step, groups) in new[] { ("composition", new[] { "SupportFacilities", "MajorPlayers" }), ("cooperation", ["CollaboratingClusters"]), ("programmes", ["SupportProgrammes", "SuccessStories"]) })
        {
            var stepForm = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/{step}", UriKind.Relative)));
            Assert.Equal(groups, stepForm.QuerySelectorAll("button[name=add]").Select(b => b.GetAttribute("value")));
            Assert.All(groups, g => Assert.Single(Rows(stepForm, g)));
        }
    }

    [Fact]
    public async Task Enter_in_a_field_saves_and_continues_rather_than_adding_a_row()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Default Button Cluster");
        var form = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/general", UriKind.Relative)));
        // A browser submits with the form's first submit button when Enter is pressed in a text field.
        var first = form.QuerySelector("main form[method=post] button[type=submit]")!;
        Assert.Equal(("then", "next"), (first.GetAttribute("name"), first.GetAttribute("value")));
    }

    [Fact]
    public async Task A_team_members_role_is_suggested_from_the_management_roles_and_may_be_any_other()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Roles Cluster");
        var form = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/general", UriKind.Relative)));

        var role = form.GetElementById("Form_ManagementTeam_0__Role")!;
        Assert.Equal("text", role.GetAttribute("type"));
        var suggestions = form.GetElementById(role.GetAttribute("list")!)!;
        Assert.Equal("datalist", suggestions.LocalName);
        var activeRoles = await app.WithDbAsync(db => db.VocabularyTerms
            .Where(t => t.Vocabulary == ClusterAtlas.Vocabularies.Vocabulary.ManagementRoles && t.Status == ClusterAtlas.Vocabularies.TermStatus.Active)
            .OrderBy(t => t.SortOrder).Select(t => t.Label).ToListAsync());
        Assert.Contains("Cluster Manager", activeRoles);
        Assert.Equal(activeRoles, suggestions.QuerySelectorAll("option").Select(o => o.GetAttribute("value")));
        Assert.NotNull(form.GetElementById("role-hint"));
        Assert.Contains("role-hint", role.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);

        using var saved = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/general", new()
        {
            ["Form.ManagementTeam[0].Name"] = "Ana",
            ["Form.ManagementTeam[0].Role"] = "ECCP Responsible Person",
            ["Form.ManagementTeam[1].Name"] = "Marko",
            ["Form.ManagementTeam[1].Role"] = "Head of Cluster Gardening",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var roles = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug)
            .SelectMany(p => p.ManagementTeam).OrderBy(m => m.SortOrder).Select(m => m.Role).ToListAsync());
        Assert.Equal(["ECCP Responsible Person", "Head of Cluster Gardening"], roles);
    }

    private static List<(string Target, string Text)> SummaryLinks(IDocument page) =>
        [.. page.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href")!.TrimStart('#'), a.TextContent.Trim()))];

    private static List<IElement> Rows(IDocument page, string group) =>
        [.. page.QuerySelectorAll($"[data-rows={group}] > .form-row")];

    /// <summary>Each link's target is a field of the form (an input, or a group of choices), and they come in the form's order.</summary>
    private static void AssertEachLeadsToAnInputInDocumentOrder(IDocument page, List<(string Target, string Text)> links)
    {
        var all = page.QuerySelectorAll("main form[method=post] *").ToList();
        var positions = links.Select(l =>
        {
            var target = page.GetElementById(l.Target);
            Assert.True(target is not null, $"no element with id {l.Target}");
            Assert.True(target.LocalName is "input" or "select" or "textarea" or "fieldset", $"{l.Target} is a {target.LocalName}");
            return all.IndexOf(target);
        }).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
    }
}
