using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Vocabularies.VocabularyScenarios;

namespace ClusterAtlas.Tests.Vocabularies;

/// <summary>The administrators' vocabulary pages over HTTP: add, rename, retire, and the review of proposed terms, each in the audit log.</summary>
public sealed class VocabularyAdministrationTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private const string Sectors = Vocabulary.SectoralIndustries;

    private static string TermUrl(VocabularyTerm term) => $"/admin/vocabularies/{term.Vocabulary}/terms/{term.Id}";

    private static string HandlerForm(string handler) => $"main form[action*='handler={handler}']";

    private async Task<(HttpClient Admin, string Email)> AdminAsync()
    {
        var email = ClusterAtlasFactory.NewEmail();
        return (await app.SignInAsStaffAsync(AccountRoles.Administrator, email), email);
    }

    private static void AssertAudit(ModerationAction entry, ModerationActionKind kind, string subject, string? detailContains = null)
    {
        Assert.Equal(kind, entry.Action);
        Assert.Equal(subject, entry.ProfileName);
        Assert.NotNull(entry.ModeratorUserId);
        Assert.True(DateTimeOffset.UtcNow - entry.At < TimeSpan.FromMinutes(5), $"the entry is stamped now, not {entry.At}");
        if (detailContains is not null)
        {
            Assert.Contains(detailContains, entry.Detail, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_staff_menu_leads_administrators_to_the_vocabularies_with_their_counts()
    {
        var (admin, _) = await AdminAsync();

        var moderation = await ClusterAtlasFactory.ParseAsync(await admin.GetStringAsync(new Uri("/moderation", UriKind.Relative)));
        Assert.NotNull(moderation.QuerySelector(".moderation-nav a[href='/admin/vocabularies']"));
        var page = await ClusterAtlasFactory.ParseAsync(await admin.GetStringAsync(new Uri("/admin/vocabularies", UriKind.Relative)));
        var row = page.QuerySelectorAll("table.vocabulary-list tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == "Technology fields");
        Assert.Equal("/admin/vocabularies/technology-fields", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.True(int.Parse(row.QuerySelectorAll("td")[0].TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 26);
        // A moderator's menu has no such link.
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        var moderatorMenu = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation", UriKind.Relative)));
        Assert.Null(moderatorMenu.QuerySelector("a[href='/admin/vocabularies']"));
    }

    [Fact]
    public async Task Adding_a_term_offers_it_at_once_and_records_who_added_it()
    {
        var (admin, _) = await AdminAsync();
        var label = $"Quantum Sensing {UniqueWord()}";

        using var added = await admin.SubmitFormAsync("/admin/vocabularies/technology-fields", new() { ["Label"] = $"  {label} " });

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var term = await app.TermAsync(Vocabulary.TechnologyFields, label);
        Assert.NotNull(term);
        Assert.Equal(TermStatus.Active, term.Status);
        Assert.Null(term.ParentId);
        AssertAudit(await app.LatestVocabularyAuditAsync(), ModerationActionKind.TermAdded, $"Technology fields: {label}");
        var list = await ClusterAtlasFactory.ParseAsync(await admin.GetStringAsync(new Uri(added.Headers.Location!.PathAndQuery(), UriKind.Relative)));
        Assert.Contains(list.QuerySelectorAll("table.vocabulary-terms tbody th a"), a => a.TextContent == label);

        // Under a parent, in a vocabulary with a hierarchy.
        var child = $"Quantum Magnetometers {UniqueWord()}";
        using var addedChild = await admin.SubmitFormAsync("/admin/vocabularies/technology-fields", new() { ["Label"] = child, ["ParentId"] = term.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, addedChild.StatusCode);
        Assert.Equal(term.Id, (await app.TermAsync(Vocabulary.TechnologyFields, child))!.ParentId);
        AssertAudit(await app.LatestVocabularyAuditAsync(), ModerationActionKind.TermAdded, $"Technology fields: {child}", $"Under “{label}”");
    }

    [Theory]
    [InlineData("", "Enter a name with letters or digits.")]
    [InlineData("  --  ", "Enter a name with letters or digits.")]
    [InlineData("automotive", "The vocabulary already has a term of this name (or with it as another spelling).")]
    [InlineData("Aerospace  Vehicles and DEFENSE", "The vocabulary already has a term of this name (or with it as another spelling).")]
    public async Task An_empty_or_taken_name_is_refused_next_to_the_field(string label, string error)
    {
        var (admin, _) = await AdminAsync();
        var before = await app.WithDbAsync(db => db.VocabularyTerms.CountAsync());

        using var refused = await admin.SubmitFormAsync($"/admin/vocabularies/{Sectors}", new() { ["Label"] = label });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(error, (await ClusterAtlasFactory.FieldErrorsAsync(refused))["Label"]);
        Assert.Equal(before, await app.WithDbAsync(db => db.VocabularyTerms.CountAsync()));
    }

    [Fact]
    public async Task Renaming_keeps_the_profiles_and_the_old_name_finds_them_in_search_and_imports()
    {
        var (admin, _) = await AdminAsync();
        var word = UniqueWord();
        var oldName = $"Hydrogen Valleys {word}";
        using (var add = await admin.SubmitFormAsync($"/admin/vocabularies/{Sectors}", new() { ["Label"] = oldName }))
        {
            Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        }
        var term = (await app.TermAsync(Sectors, oldName))!;
        var (slug, _) = await app.ImportProfileAsync($"Rename Cluster {word}", [oldName]);
        var newName = $"Hydrogen Economy {UniqueWord()}";

        using var renamed = await admin.SubmitFormAsync(TermUrl(term), new() { ["NewLabel"] = newName }, HandlerForm("Rename"));

        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal([(term.Id, newName)], await app.StoredTermsAsync(slug, ProfileField.SectoralIndustry));
        Assert.Equal([oldName], (await app.TermAsync(Sectors, newName))!.Aliases);
        AssertAudit(await app.LatestVocabularyAuditAsync(), ModerationActionKind.TermRenamed, $"Sectoral industries: {newName}", $"Renamed from “{oldName}”");
        Assert.Contains(newName, await app.ProfilePageTextAsync(slug), StringComparison.Ordinal);
        Assert.Contains(newName, (await app.ApiSearchAsync($"q={word}")).Sectors);
        // The old name still finds the profile, and an import that uses it takes the renamed term.
        Assert.Contains(slug, (await app.ApiSearchAsync($"q={Uri.EscapeDataString(oldName)}")).Slugs);
        var (_, report) = await app.ImportProfileAsync($"Old Spelling Cluster {word}", [oldName]);
        Assert.DoesNotContain(report.Entries, e => e.Outcome == ClusterAtlas.ImportExport.ImportOutcome.ProposedTerm);
        Assert.Equal([(term.Id, newName)], await app.StoredTermsAsync(report.Slug!, ProfileField.SectoralIndustry));

        // Renaming to another term's name is refused next to the field.
        using var taken = await admin.SubmitFormAsync(TermUrl(term), new() { ["NewLabel"] = "Automotive" }, HandlerForm("Rename"));
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal("The vocabulary already has a term of this name (or with it as another spelling).", (await ClusterAtlasFactory.FieldErrorsAsync(taken))["NewLabel"]);
    }

    [Fact]
    public async Task A_retired_term_stays_on_its_profiles_but_leaves_the_filters_until_restored()
    {
        var (admin, _) = await AdminAsync();
        var word = UniqueWord();
        var label = $"Peat Extraction {word}";
        using (var add = await admin.SubmitFormAsync($"/admin/vocabularies/{Sectors}", new() { ["Label"] = label }))
        {
            Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        }
        var term = (await app.TermAsync(Sectors, label))!;
        var (slug, _) = await app.ImportProfileAsync($"Retire Cluster {word}", [label]);
        Assert.Contains(label, (await app.ApiSearchAsync($"q={word}")).SectorFacet);

        using var retired = await admin.SubmitFormAsync(TermUrl(term), [], HandlerForm("Retire"));

        Assert.Equal(HttpStatusCode.Redirect, retired.StatusCode);
        Assert.Equal(TermStatus.Retired, (await app.TermAsync(Sectors, label))!.Status);
        AssertAudit(await app.LatestVocabularyAuditAsync(), ModerationActionKind.TermRetired, $"Sectoral industries: {label}", "Kept on 1 profiles");
        Assert.Equal([(term.Id, label)], await app.StoredTermsAsync(slug, ProfileField.SectoralIndustry));
        Assert.Contains(label, await app.ProfilePageTextAsync(slug), StringComparison.Ordinal);
        var answer = await app.ApiSearchAsync($"q={word}");
        Assert.Equal([slug], answer.Slugs);
        Assert.DoesNotContain(label, answer.SectorFacet);
        Assert.DoesNotContain(label, await app.DirectorySectorFilterAsync());

        using var restored = await admin.SubmitFormAsync(TermUrl(term), [], HandlerForm("Restore"));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        AssertAudit(await app.LatestVocabularyAuditAsync(), ModerationActionKind.TermRestored, $"Sectoral industries: {label}");
        Assert.Contains(label, (await app.ApiSearchAsync($"q={word}")).SectorFacet);
    }

    [Fact]
    public async Task A_proposed_term_is_not_public_until_accepted()
    {
        var (admin, _) = await AdminAsync();
        var word = UniqueWord();
        var proposed = $"Space Mining {word}";
        var (slug, report) = await app.ImportProfileAsync($"Proposal Cluster {word}", [proposed, "Automotive"]);
        Assert.Contains(report.Entries, e => e.Outcome == ClusterAtlas.ImportExport.ImportOutcome.ProposedTerm && e.Value == proposed);
        var term = (await app.TermAsync(Sectors, proposed))!;
        Assert.Equal(TermStatus.Proposed, term.Status);

        // Not on the profile page, not in the API's items or facets, not a filter of the directory, not found by its words.
        Assert.DoesNotContain(proposed, await app.ProfilePageTextAsync(slug), StringComparison.Ordinal);
        Assert.Contains("Automotive", await app.ProfilePageTextAsync(slug), StringComparison.Ordinal);
        var answer = await app.ApiSearchAsync($"q=Proposal+Cluster+{word}");
        Assert.Equal([slug], answer.Slugs);
        Assert.Equal(["Automotive"], answer.Sectors);
        Assert.DoesNotContain(proposed, answer.SectorFacet);
        Assert.DoesNotContain(proposed, await app.DirectorySectorFilterAsync());
        // (The term's own words: the unique word is in the profile's name, which "some of the words" results would find.)
        Assert.DoesNotContain(slug, (await app.ApiSearchAsync("q=" + Uri.EscapeDataString("Space Mining"))).Slugs);
        // The administrators see it waiting for review.
        var overview = await ClusterAtlasFactory.ParseAsync(await admin.GetStringAsync(new Uri("/admin/vocabularies", UriKind.Relative)));
        Assert.Contains(overview.QuerySelectorAll("table.vocabulary-terms a"), a => a.TextContent == proposed && a.GetAttribute("href") == TermUrl(term));

        using var accepted = await admin.SubmitFormAsync(TermUrl(term), [], HandlerForm("Accept"));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(TermStatus.Active, (await app.TermAsync(Sectors, proposed))!.Status);
        AssertAudit(await app.LatestVocabularyAuditAsync(), ModerationActionKind.TermAccepted, $"Sectoral industries: {proposed}", "Shown on 1 profiles");
        Assert.Contains(proposed, await app.ProfilePageTextAsync(slug), StringComparison.Ordinal);
        answer = await app.ApiSearchAsync($"q=Proposal+Cluster+{word}");
        Assert.Contains(proposed, answer.Sectors);
        Assert.Contains(proposed, answer.SectorFacet);
        Assert.Contains(proposed, await app.DirectorySectorFilterAsync());
    }

    [Fact]
    public async Task Merging_a_proposed_term_gives_its_profiles_the_target_and_teaches_the_importer_its_spelling()
    {
        var (admin, _) = await AdminAsync();
        var word = UniqueWord();
        var proposed = $"Automotive Industry {word}";
        var (slug, _) = await app.ImportProfileAsync($"Merge Cluster {word}", [proposed]);
        var (both, _) = await app.ImportProfileAsync($"Merge Both Cluster {word}", ["Automotive", proposed]);
        var term = (await app.TermAsync(Sectors, proposed))!;
        var automotive = (await app.TermAsync(Sectors, "Automotive"))!;
        var page = await ClusterAtlasFactory.ParseAsync(await admin.GetStringAsync(new Uri(TermUrl(term), UriKind.Relative)));
        Assert.Contains(page.QuerySelectorAll("select[name=TargetId] option"), o => o.TextContent == "Automotive");

        // A target must be chosen.
        using var noTarget = await admin.SubmitFormAsync(TermUrl(term), [], HandlerForm("Merge"));
        Assert.Equal(HttpStatusCode.OK, noTarget.StatusCode);
        Assert.Equal("Choose the term to merge it into from the list.", (await ClusterAtlasFactory.FieldErrorsAsync(noTarget))["TargetId"]);

        using var merged = await admin.SubmitFormAsync(TermUrl(term),
            new() { ["TargetId"] = automotive.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, HandlerForm("Merge"));

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Null(await app.TermAsync(Sectors, proposed));
        Assert.Equal([(automotive.Id, "Automotive")], await app.StoredTermsAsync(slug, ProfileField.SectoralIndustry));
        Assert.Equal([(automotive.Id, "Automotive")], await app.StoredTermsAsync(both, ProfileField.SectoralIndustry));
        Assert.Contains(proposed, (await app.TermAsync(Sectors, "Automotive"))!.Aliases);
        AssertAudit(await app.LatestVocabularyAuditAsync(), ModerationActionKind.TermMerged, $"Sectoral industries: {proposed}", "Merged into “Automotive” on 2 profiles");
        Assert.Contains(slug, (await app.ApiSearchAsync("sector=automotive&q=" + word)).Slugs);
        var (again, report) = await app.ImportProfileAsync($"Merge Again Cluster {word}", [proposed]);
        Assert.DoesNotContain(report.Entries, e => e.Outcome == ClusterAtlas.ImportExport.ImportOutcome.ProposedTerm);
        Assert.Equal([(automotive.Id, "Automotive")], await app.StoredTermsAsync(again, ProfileField.SectoralIndustry));
    }

    [Fact]
    public async Task Rejecting_a_proposed_term_says_how_many_profiles_lose_it_then_removes_it()
    {
        var (admin, _) = await AdminAsync();
        var word = UniqueWord();
        var proposed = $"Misread Sector {word}";
        var (first, _) = await app.ImportProfileAsync($"Reject One Cluster {word}", [proposed, "Automotive"]);
        var (second, _) = await app.ImportProfileAsync($"Reject Two Cluster {word}", [proposed]);
        var term = (await app.TermAsync(Sectors, proposed))!;

        var page = await ClusterAtlasFactory.ParseAsync(await admin.GetStringAsync(new Uri(TermUrl(term), UriKind.Relative)));
        Assert.Equal("Rejecting removes the term from 2 profiles.", page.QuerySelector(".reject-count")!.TextContent.Trim());
        Assert.Equal("Reject and remove it from 2 profiles", page.QuerySelector($"{HandlerForm("Reject")} button")!.TextContent.Trim());

        using var rejected = await admin.SubmitFormAsync(TermUrl(term), [], HandlerForm("Reject"));

        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Null(await app.TermAsync(Sectors, proposed));
        Assert.Equal(["Automotive"], (await app.StoredTermsAsync(first, ProfileField.SectoralIndustry)).Select(t => t.Label));
        Assert.Empty(await app.StoredTermsAsync(second, ProfileField.SectoralIndustry));
        AssertAudit(await app.LatestVocabularyAuditAsync(), ModerationActionKind.TermRejected, $"Sectoral industries: {proposed}", "Removed from 2 profiles");
        // The audit log page shows the entry.
        var audit = await ClusterAtlasFactory.ParseAsync(await admin.GetStringAsync(new Uri("/moderation/audit", UriKind.Relative)));
        Assert.Contains(audit.QuerySelectorAll("table.audit-log tbody tr"), r => r.TextContent.Contains("Proposed term rejected", StringComparison.Ordinal)
            && r.TextContent.Contains($"Sectoral industries: {proposed}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_vocabulary_pages_are_valid_html_also_with_errors()
    {
        var (admin, _) = await AdminAsync();
        var word = UniqueWord();
        await app.ImportProfileAsync($"Valid Html Cluster {word}", [$"Valid Proposed {word}"]);
        var proposed = (await app.TermAsync(Sectors, $"Valid Proposed {word}"))!;
        var automotive = (await app.TermAsync(Sectors, "Automotive"))!;

        foreach (var url in new[] { "/admin/vocabularies", $"/admin/vocabularies/{Sectors}", "/admin/vocabularies/technology-fields?done=x", TermUrl(proposed), TermUrl(automotive) })
        {
            using var response = await admin.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
            await HtmlValidator.AssertValidAsync(await response.Content.ReadAsStringAsync(), url);
        }
        using var emptyName = await admin.SubmitFormAsync("/admin/vocabularies/technology-fields", new() { ["Label"] = "" });
        await HtmlValidator.AssertValidAsync(await emptyName.Content.ReadAsStringAsync(), "term without a name");
        using var noTarget = await admin.SubmitFormAsync(TermUrl(proposed), [], HandlerForm("Merge"));
        await HtmlValidator.AssertValidAsync(await noTarget.Content.ReadAsStringAsync(), "merge without a target");
        using var unknown = await admin.GetAsync(new Uri("/admin/vocabularies/no-such-vocabulary", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var wrongVocabulary = await admin.GetAsync(new Uri($"/admin/vocabularies/technology-fields/terms/{automotive.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, wrongVocabulary.StatusCode);
    }

    [Fact]
    public async Task Only_administrators_with_two_factor_change_vocabularies()
    {
        var word = UniqueWord();
        var proposed = $"Guarded Sector {word}";
        await app.ImportProfileAsync($"Guarded Cluster {word}", [proposed]);
        var term = (await app.TermAsync(Sectors, proposed))!;
        var automotive = (await app.TermAsync(Sectors, "Automotive"))!;
        using var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        using var member = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        // An administrator who has not set up two-factor authentication yet.
        var adminEmail = ClusterAtlasFactory.NewEmail();
        await app.AddStaffAsync(adminEmail, AccountRoles.Administrator);
        using var adminWithoutTwoFactor = await app.SignInAsync(adminEmail);
        var before = await VocabularyStateAsync();

        foreach (var client in new[] { anonymous, moderator, member, adminWithoutTwoFactor })
        {
            foreach (var url in new[] { "/admin/vocabularies", $"/admin/vocabularies/{Sectors}", TermUrl(term) })
            {
                using var get = await client.GetAsync(new Uri(url, UriKind.Relative));
                Assert.True(IsRefused(get), $"GET {url} answered {(int)get.StatusCode} {get.Headers.Location}");
            }
            var posts = new (string Url, Dictionary<string, string> Fields)[]
            {
                ($"/admin/vocabularies/{Sectors}", new() { ["Label"] = "Intruder Sector " + word }),
                (TermUrl(automotive) + "?handler=Rename", new() { ["NewLabel"] = "Cars " + word }),
                (TermUrl(automotive) + "?handler=Retire", []),
                (TermUrl(term) + "?handler=Accept", []),
                (TermUrl(term) + "?handler=Merge", new() { ["TargetId"] = automotive.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                (TermUrl(term) + "?handler=Reject", []),
            };
            foreach (var (url, fields) in posts)
            {
                using var post = await Profiles.ProfileScenarios.PostWithTokenAsync(client, url, fields);
                Assert.True(IsRefused(post), $"POST {url} answered {(int)post.StatusCode}");
            }
        }
        Assert.Equal(before, await VocabularyStateAsync());
    }

    /// <summary>Refused, or sent to set up two-factor authentication first (an administrator without it).</summary>
    private static bool IsRefused(HttpResponseMessage response) =>
        Profiles.ProfileScenarios.IsRefusal(response)
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery().StartsWith("/account/two-factor/setup?required=true", StringComparison.Ordinal));

    /// <summary>Everything a refused change could have touched: every term with its status and spellings, every profile's terms, the audit log's size.</summary>
    private Task<string> VocabularyStateAsync() => app.WithDbAsync(async db =>
    {
        var terms = (await db.VocabularyTerms.AsNoTracking().ToListAsync())
            .Select(t => $"{t.Id}:{t.Label}:{t.Status}:{string.Join("|", t.Aliases)}").Order(StringComparer.Ordinal);
        var profileTerms = (await db.Set<ProfileTerm>().AsNoTracking().Select(t => new { t.ClusterOrganisationId, t.VocabularyTermId }).ToListAsync())
            .Select(t => $"{t.ClusterOrganisationId}:{t.VocabularyTermId}").Order(StringComparer.Ordinal);
        return string.Join("\n", terms) + "\n" + string.Join("\n", profileTerms) + "\n" + await db.ModerationActions.CountAsync();
    });
}
