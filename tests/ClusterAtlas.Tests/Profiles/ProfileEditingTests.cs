using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Profiles;
using ClusterAtlas.Profiles.Editing;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClusterAtlas.Tests.Profiles;

/// <summary>Registering a cluster organisation through the form in steps, editing it, and what the server refuses.</summary>
public sealed class ProfileEditingTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Registering_creates_a_draft_administered_by_the_member()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);

        var slug = await RegisterProfileAsync(browser, "Danube Wood Cluster");

        var (status, administrators, revisions) = await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == slug);
            var admins = await db.ProfileAdministrators.Where(a => a.ClusterOrganisationId == profile.Id).Select(a => a.User.Email).ToListAsync();
            var revs = await db.ProfileRevisions.CountAsync(r => r.ClusterOrganisationId == profile.Id);
            return (profile.Status, admins, revs);
        });
        Assert.Equal(ProfileStatus.Draft, status);
        Assert.Equal([email], administrators);
        Assert.Equal(1, revisions);
        // A draft is not in the directory.
        using var anonymous = app.CreateClient();
        var api = await anonymous.GetStringAsync(new Uri("/api/v1/cluster-organisations?q=Danube", UriKind.Relative));
        Assert.DoesNotContain(slug, api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_registration_form_says_what_is_wrong_next_to_each_field_and_stores_nothing()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var before = await app.WithDbAsync(db => db.ClusterOrganisations.CountAsync());

        using var response = await browser.SubmitFormAsync("/cluster-organisations/register", new()
        {
            ["Form.Name"] = "",
            ["Form.Website"] = "www.example",
            ["Form.Email"] = "not an address",
            ["Form.Phone"] = "call us",
            ["Form.NutsCode"] = "vojvodina",
            ["Form.Latitude"] = "123.5",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(response);
        Assert.Equal("Enter the name of the cluster organisation.", errors["Form.Name"]);
        Assert.StartsWith("Enter a full web address", errors["Form.Website"], StringComparison.Ordinal);
        Assert.StartsWith("Enter an e-mail address", errors["Form.Email"], StringComparison.Ordinal);
        Assert.StartsWith("Enter a phone number", errors["Form.Phone"], StringComparison.Ordinal);
        Assert.StartsWith("A NUTS code is", errors["Form.NutsCode"], StringComparison.Ordinal);
        Assert.StartsWith("A latitude is between -90 and 90", errors["Form.Latitude"], StringComparison.Ordinal);
        Assert.Equal("Give both the latitude and the longitude, or neither.", errors["Form.Longitude"]);
        Assert.Equal(before, await app.WithDbAsync(db => db.ClusterOrganisations.CountAsync()));
    }

    [Fact]
    public async Task Each_step_checks_its_fields_on_the_server_and_keeps_the_stored_profile_whole()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Checked Fields Cluster");

        using var general = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/general", new()
        {
            ["Form.EstablishedOn"] = DateTime.UtcNow.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Form.ManagementTeamFte"] = "-1",
            ["Form.Languages"] = "Serbian, Klingon",
            ["Form.ManagementTeam[0].Name"] = "",
            ["Form.ManagementTeam[0].Email"] = "ana@example.org",
            ["Form.ManagementTeam[1].Name"] = "Marko",
            ["Form.ManagementTeam[1].Phone"] = "12",
        });
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(general);
        Assert.Equal("The date of establishment cannot be in the future.", errors["Form.EstablishedOn"]);
        Assert.Equal("Enter a number from 0 to 10,000.", errors["Form.ManagementTeamFte"]);
        Assert.StartsWith("Entry 2: “Klingon” is not a language", errors["Form.Languages"], StringComparison.Ordinal);
        Assert.Equal("Enter the name or the role of the team member.", errors["Form.ManagementTeam[0].Name"]);
        Assert.StartsWith("Enter a phone number", errors["Form.ManagementTeam[1].Phone"], StringComparison.Ordinal);

        using var composition = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/composition", new()
        {
            ["Form.TotalMembers"] = "10",
            ["Form.SmeMembers"] = "12",
            ["Form.StartupMembers"] = "-3",
            ["Form.LargeCompanyMembers"] = "many",
        });
        errors = await ClusterAtlasFactory.FieldErrorsAsync(composition);
        Assert.Equal("There cannot be more SME members (12) than members in total (10).", errors["Form.SmeMembers"]);
        Assert.Equal("A number of members cannot be negative.", errors["Form.StartupMembers"]);
        Assert.True(errors.ContainsKey("Form.LargeCompanyMembers"), "a number field with letters gets its own message");

        using var focus = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/focus", new() { ["Form.OtherSpecialisationAreas"] = "Robots" });
        errors = await ClusterAtlasFactory.FieldErrorsAsync(focus);
        Assert.Equal("Choose at least one sectoral industry.", errors["Form.SectoralIndustries"]);

        using var cooperation = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/cooperation", new() { ["Form.CountriesInEurope"] = "Germany\nAtlantis" });
        errors = await ClusterAtlasFactory.FieldErrorsAsync(cooperation);
        Assert.StartsWith("Entry 2: “Atlantis” is not a country", errors["Form.CountriesInEurope"], StringComparison.Ordinal);

        var stored = await app.WithDbAsync(db => db.ClusterOrganisations.Include(p => p.ManagementTeam).SingleAsync(p => p.Slug == slug));
        Assert.Null(stored.EstablishedOn);
        Assert.Null(stored.TotalMembers);
        Assert.Empty(stored.ManagementTeam);
        Assert.Empty(stored.CountriesInEurope);
        Assert.Equal("Checked Fields Cluster", stored.Name);
    }

    [Fact]
    public async Task A_German_editor_reads_and_writes_countries_and_languages_in_German()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var slug = await RegisterProfileAsync(browser, "Rhein Sprachen Cluster");

        await SaveStepAsync(browser, slug, "general", new() { ["Form.Languages"] = "Serbisch, englisch, fr" });
        await SaveStepAsync(browser, slug, "cooperation", new() { ["Form.CountriesInEurope"] = "Deutschland\nÖsterreich, Srbija", ["Form.CountriesOutsideEurope"] = "Japan" });
        var stored = await app.WithDbAsync(db => db.ClusterOrganisations.SingleAsync(p => p.Slug == slug));
        Assert.Equal(["sr", "en", "fr"], stored.Languages);
        Assert.Equal(["DE", "AT", "RS"], stored.CountriesInEurope);
        Assert.Equal(["JP"], stored.CountriesOutsideEurope);

        // The form shows them in German; the revision keeps the English names the other revisions compare with.
        var general = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/general", UriKind.Relative)));
        Assert.Equal("Serbisch, Englisch, Französisch", general.QuerySelector("#Form_Languages")?.GetAttribute("value"));
        var cooperation = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/edit/cooperation", UriKind.Relative)));
        Assert.Equal("Deutschland\nÖsterreich\nSerbien", cooperation.QuerySelector("#Form_CountriesInEurope")?.TextContent.Trim());
        var after = await app.WithDbAsync(db => db.ProfileRevisions.Where(r => r.ClusterOrganisation.Slug == slug).OrderBy(r => r.Id).Select(r => r.AfterJson).LastAsync());
        Assert.Contains("Germany\\nAustria\\nSerbia", after, StringComparison.Ordinal);

        // Saved again as shown, nothing changed: no new revision.
        var revisions = await app.WithDbAsync(db => db.ProfileRevisions.CountAsync(r => r.ClusterOrganisation.Slug == slug));
        await SaveStepAsync(browser, slug, "cooperation", []);
        await SaveStepAsync(browser, slug, "general", []);
        Assert.Equal(revisions, await app.WithDbAsync(db => db.ProfileRevisions.CountAsync(r => r.ClusterOrganisation.Slug == slug)));

        // The profile names the languages in the reader's language too.
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}", UriKind.Relative)));
        Assert.Contains("Serbisch, Englisch, Französisch", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_complete_profile_meeting_the_criteria_is_submitted_and_the_moderators_hear_of_it()
    {
        var moderator = ClusterAtlasFactory.NewEmail();
        await app.AddStaffAsync(moderator, AccountRoles.Moderator);
        var applicant = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(applicant);
        var slug = await RegisterProfileAsync(browser, "Criteria Cluster", website: "");

        // Nothing filled yet: the checklist shows what is missing, and there is nothing to submit with.
        var review = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/submit", UriKind.Relative)));
        Assert.Equal(4, review.QuerySelectorAll(".checklist li.unmet").Length);
        Assert.Null(review.QuerySelector("main form button"));
        Assert.Contains("Choose at least one sectoral industry.", review.QuerySelector(".problems")!.TextContent, StringComparison.Ordinal);

        await FillToMeetTheCriteriaAsync(browser, slug);

        review = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/submit", UriKind.Relative)));
        Assert.Equal(4, review.QuerySelectorAll(".checklist li.met").Length);
        using var submitted = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/submit", []);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ProfileStatus.Submitted, await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.Status).SingleAsync()));
        var mail = await app.LatestMailAsync(moderator, "A cluster profile waits for validation: Criteria Cluster");
        ClusterAtlasFactory.LinkIn(mail, "/moderation");
        var receipt = await app.LatestMailAsync(applicant, "We received your cluster profile");
        Assert.Equal(new Uri($"/cluster-organisations/{slug}/submit", UriKind.Relative), ClusterAtlasFactory.LinkIn(receipt, $"/cluster-organisations/{slug}/submit"));
    }

    [Fact]
    public async Task A_profile_that_misses_criteria_may_be_submitted_when_it_names_a_cluster_programme()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Small Programme Cluster");
        await SaveStepAsync(browser, slug, "focus", new() { ["Form.SectoralIndustries"] = await SectorIdAsync() });
        using var refused = await browser.PostAsync(new Uri($"/cluster-organisations/{slug}/submit", UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode); // no antiforgery token: refused before anything

        await SaveStepAsync(browser, slug, "programmes", new()
        {
            ["Form.SupportProgrammes[0].Name"] = "Vojvodina Cluster Programme",
            ["Form.SupportProgrammes[0].Level"] = nameof(SupportProgrammeLevel.Regional),
        });
        var review = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/submit", UriKind.Relative)));
        Assert.Contains("Vojvodina Cluster Programme", review.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var submitted = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/submit", []);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
    }

    [Fact]
    public async Task Edits_to_a_published_profile_go_live_at_once_and_are_recorded_as_revisions()
    {
        var (browser, slug) = await PublishedProfileWithAdministratorAsync("Live Edit Cluster");
        using (browser)
        {
            await SaveStepAsync(browser, slug, "identity", new() { ["Form.Name"] = "Live Edit Cluster", ["Form.ShortDescription"] = "Hydrogen valves and zeppelins" });

            using var anonymous = app.CreateClient();
            Assert.Contains("Hydrogen valves and zeppelins", await anonymous.GetStringAsync(new Uri($"/cluster-organisations/{slug}", UriKind.Relative)), StringComparison.Ordinal);
            var api = await anonymous.GetStringAsync(new Uri("/api/v1/cluster-organisations?q=zeppelins", UriKind.Relative));
            Assert.Contains(slug, api, StringComparison.Ordinal);

            var revision = await app.WithDbAsync(db => db.ProfileRevisions.Where(r => r.ClusterOrganisation.Slug == slug).OrderBy(r => r.Id).LastAsync());
            Assert.Equal(ProfileStatus.Published, revision.ProfileStatus);
            Assert.Equal(nameof(ClusterOrganisation.ShortDescription), revision.ChangedFields);
            Assert.Contains("Hydrogen valves", revision.AfterJson, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Saving_every_step_of_the_imported_profile_unchanged_changes_nothing()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var browser = await app.RegisterAndSignInAsync(email);
        var before = await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == SeedPage.Slug);
            var user = await db.Users.SingleAsync(u => u.Email == email);
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = profile.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            return (profile.ConcurrencyToken, await db.ProfileRevisions.CountAsync(r => r.ClusterOrganisationId == profile.Id));
        });

        foreach (var step in ProfileFormStep.All)
        {
            await SaveStepAsync(browser, SeedPage.Slug, step.Id, []);
        }

        var (after, changed) = await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == SeedPage.Slug);
            var revisions = await db.ProfileRevisions.Where(r => r.ClusterOrganisationId == profile.Id).ToListAsync();
            return ((profile.ConcurrencyToken, revisions.Count), string.Join("\n", revisions.Select(r => r.ChangedFields + ": " + r.BeforeJson + " => " + r.AfterJson)));
        });
        Assert.True(before == after, changed);
    }

    [Fact]
    public async Task Markdown_is_shown_as_text_never_as_markup()
    {
        var (browser, slug) = await PublishedProfileWithAdministratorAsync("Markdown Cluster");
        using (browser)
        {
            await SaveStepAsync(browser, slug, "strategy", new()
            {
                ["Form.StrategyMarkdown"] = "We **grow** <script>alert('x')</script> <img src=x onerror=alert(1)>\n\n- metal\n- wood\n\n"
                    + "[site](https://example.org) [bad](javascript:alert(1)) [data](data:text/html,hi) ![pic](https://example.org/p.png)",
            });
            var page = await ClusterAtlasFactory.ParseAsync(await app.CreateClient().GetStringAsync(new Uri($"/cluster-organisations/{slug}", UriKind.Relative)));
            var strategy = page.QuerySelector("#strategy")!;
            Assert.Empty(strategy.QuerySelectorAll("script, img"));
            Assert.Contains("<script>", strategy.TextContent, StringComparison.Ordinal);
            Assert.Equal("grow", strategy.QuerySelector("strong")?.TextContent);
            Assert.Equal(2, strategy.QuerySelectorAll("li").Length);
            var links = strategy.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Contains("https://example.org", links);
            Assert.Contains("https://example.org/p.png", links);
            Assert.DoesNotContain(links, href => href!.Contains("javascript", StringComparison.Ordinal) || href.StartsWith("data:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_contact_choice_of_each_team_member_is_made_in_the_form_and_kept_on_the_page()
    {
        var (browser, slug) = await PublishedProfileWithAdministratorAsync("Privacy Choice Cluster");
        using (browser)
        {
            await SaveStepAsync(browser, slug, "general", new()
            {
                ["Form.ManagementTeam[0].Name"] = "Public Person",
                ["Form.ManagementTeam[0].Email"] = "public.person@example.org",
                ["Form.ManagementTeam[0].ContactVisibility"] = nameof(ContactVisibility.Public),
                ["Form.ManagementTeam[1].Name"] = "Private Person",
                ["Form.ManagementTeam[1].Email"] = "private.person@example.org",
                ["Form.ManagementTeam[1].Phone"] = "+381 21 555 0199",
                ["Form.ManagementTeam[1].ContactVisibility"] = nameof(ContactVisibility.MembersOnly),
            });
            var html = await app.CreateClient().GetStringAsync(new Uri($"/cluster-organisations/{slug}", UriKind.Relative));
            Assert.Contains("public.person@example.org", html, StringComparison.Ordinal);
            Assert.Contains("Private Person", html, StringComparison.Ordinal);
            Assert.DoesNotContain("private.person", html, StringComparison.Ordinal);
            Assert.DoesNotContain("555", html, StringComparison.Ordinal);
            Assert.Contains("private.person@example.org", await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}", UriKind.Relative)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Numbers_typed_in_a_Serbian_page_are_read_as_the_browser_sends_them()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Decimal Cluster");
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("sr-Latn");
        await SaveStepAsync(browser, slug, "general", new() { ["Form.ManagementTeamFte"] = "0.5" });
        Assert.Equal(0.5m, await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.ManagementTeamFte).SingleAsync()));
    }

    [Fact]
    public async Task A_number_the_field_cannot_hold_is_said_in_the_readers_language_without_the_models_names()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Unreadable Numbers Cluster");
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");

        // As a browser sends them where the input's limits are not checked (an old browser, a script).
        using var composition = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/composition",
            new() { ["Form.TotalMembers"] = "99999999999", ["Form.SmeMembers"] = "viele" });
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(composition);
        Assert.Equal("Geben Sie eine Zahl bis 1.000.000 ein.", errors["Form.TotalMembers"]);
        Assert.Equal("Geben Sie eine ganze Zahl ein, etwa 120.", errors["Form.SmeMembers"]);
        using var identity = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity",
            new() { ["Form.Latitude"] = "45,25", ["Form.Longitude"] = "Ost" });
        errors = await ClusterAtlasFactory.FieldErrorsAsync(identity);
        Assert.Equal("Schreiben Sie die Zahl mit einem Dezimalpunkt statt eines Kommas, etwa 45.25.", errors["Form.Latitude"]);
        Assert.DoesNotContain("Longitude", errors["Form.Longitude"], StringComparison.Ordinal);
        Assert.DoesNotContain("is not valid", errors["Form.Longitude"], StringComparison.Ordinal);
        // Nothing of it was stored.
        Assert.Null(await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.TotalMembers).SingleAsync()));
    }

    [Fact]
    public async Task A_nuts_code_must_be_a_region_the_platform_knows_of_the_profiles_country_and_a_known_one_names_the_region()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, "Nuts Checked Cluster");
        await SaveStepAsync(browser, slug, "identity", new() { ["Form.CountryCode"] = "RS", ["Form.RegionName"] = "" });

        using (var unknown = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity", new() { ["Form.NutsCode"] = "ZZ999" }))
        {
            Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
            Assert.StartsWith("ZZ999 is not a NUTS code the platform knows", (await ClusterAtlasFactory.FieldErrorsAsync(unknown))["Form.NutsCode"], StringComparison.Ordinal);
        }
        using (var otherCountry = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity", new() { ["Form.NutsCode"] = "DE21" }))
        {
            Assert.Equal("DE21 is a region of Germany, not of Serbia: give the NUTS code of a region of the profile's country.",
                (await ClusterAtlasFactory.FieldErrorsAsync(otherCountry))["Form.NutsCode"]);
        }
        using (var greek = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity", new() { ["Form.NutsCode"] = "EL30" }))
        {
            Assert.StartsWith("EL30 is a region of Greece, not of Serbia", (await ClusterAtlasFactory.FieldErrorsAsync(greek))["Form.NutsCode"], StringComparison.Ordinal);
        }
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        using (var german = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/identity", new() { ["Form.NutsCode"] = "DE21" }))
        {
            Assert.StartsWith("DE21 ist eine Region von Deutschland, nicht von Serbien", (await ClusterAtlasFactory.FieldErrorsAsync(german))["Form.NutsCode"], StringComparison.Ordinal);
        }
        Assert.Null(await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.NutsCode).SingleAsync()));

        await SaveStepAsync(browser, slug, "identity", new() { ["Form.NutsCode"] = "RS12" });
        var stored = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => new { p.NutsCode, p.RegionName }).SingleAsync());
        Assert.Equal(("RS12", "Region Vojvodine"), (stored.NutsCode, stored.RegionName));

        // A region the editor named stays theirs; a NUTS 3 code is checked as far as its NUTS 2 region; Greece is EL.
        await SaveStepAsync(browser, slug, "identity", new() { ["Form.CountryCode"] = "GR", ["Form.RegionName"] = "Attica", ["Form.NutsCode"] = "EL303" });
        stored = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => new { p.NutsCode, p.RegionName }).SingleAsync());
        Assert.Equal(("EL303", "Attica"), (stored.NutsCode, stored.RegionName));

        // A code of the profile's country that NUTS made after the map's 2013 boundaries (Auvergne-Rhône-Alpes, 2016) is real.
        await SaveStepAsync(browser, slug, "identity", new() { ["Form.CountryCode"] = "FR", ["Form.RegionName"] = "Auvergne-Rhône-Alpes", ["Form.NutsCode"] = "FRK26" });
        stored = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => new { p.NutsCode, p.RegionName }).SingleAsync());
        Assert.Equal(("FRK26", "Auvergne-Rhône-Alpes"), (stored.NutsCode, stored.RegionName));
    }

    [Fact]
    public async Task Two_people_editing_at_once_the_second_save_is_refused_with_both_versions_and_nothing_is_lost()
    {
        var (first, slug) = await PublishedProfileWithAdministratorAsync("Concurrent Cluster");
        using var second = await ColleagueOfAsync(slug);
        var url = new Uri($"/cluster-organisations/{slug}/edit/identity", UriKind.Relative);
        // Both open the form before either saves.
        var firstForm = (await ClusterAtlasFactory.ParseAsync(await first.GetStringAsync(url))).QuerySelector("main form[method=post]")!;
        var secondForm = (await ClusterAtlasFactory.ParseAsync(await second.GetStringAsync(url))).QuerySelector("main form[method=post]")!;

        using var saved = await first.PostFormAsync(firstForm, url, new() { ["Form.Name"] = "Concurrent Cluster", ["Form.ShortDescription"] = "First version" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var refused = await second.PostFormAsync(secondForm, url, new() { ["Form.Name"] = "Concurrent Cluster", ["Form.ShortDescription"] = "Second version" });

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var page = await ClusterAtlasFactory.ParseAsync(await refused.Content.ReadAsStringAsync());
        var conflict = page.QuerySelector(".conflict")!.TextContent;
        Assert.Contains("First version", conflict, StringComparison.Ordinal);
        Assert.Contains("Second version", conflict, StringComparison.Ordinal);
        Assert.Equal("Second version", page.QuerySelector("textarea[name='Form.ShortDescription']")!.TextContent.Trim());
        Assert.Equal("First version", await StoredDescriptionAsync(slug));

        // Saving the shown form again is a deliberate choice: it replaces the first version.
        using var again = await second.PostFormAsync(page.QuerySelector("main form[method=post]")!, url, []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Second version", await StoredDescriptionAsync(slug));
        first.Dispose();
    }

    [Fact]
    public async Task Two_people_changing_different_fields_at_once_are_both_saved()
    {
        var (first, slug) = await PublishedProfileWithAdministratorAsync("Merged Cluster");
        using var second = await ColleagueOfAsync(slug);
        var identity = new Uri($"/cluster-organisations/{slug}/edit/identity", UriKind.Relative);
        var composition = new Uri($"/cluster-organisations/{slug}/edit/composition", UriKind.Relative);
        var firstForm = (await ClusterAtlasFactory.ParseAsync(await first.GetStringAsync(identity))).QuerySelector("main form[method=post]")!;
        var secondIdentity = (await ClusterAtlasFactory.ParseAsync(await second.GetStringAsync(identity))).QuerySelector("main form[method=post]")!;
        var secondComposition = (await ClusterAtlasFactory.ParseAsync(await second.GetStringAsync(composition))).QuerySelector("main form[method=post]")!;

        using var one = await first.PostFormAsync(firstForm, identity, new() { ["Form.ShortDescription"] = "Written by the first" });
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        // Same step, another field: merged.
        using var two = await second.PostFormAsync(secondIdentity, identity, new() { ["Form.City"] = "Sombor" });
        Assert.Equal(HttpStatusCode.Redirect, two.StatusCode);
        // Another step, from a copy older than both saves: merged too.
        using var three = await second.PostFormAsync(secondComposition, composition, new() { ["Form.TotalMembers"] = "77" });
        Assert.Equal(HttpStatusCode.Redirect, three.StatusCode);

        var stored = await app.WithDbAsync(db => db.ClusterOrganisations.SingleAsync(p => p.Slug == slug));
        Assert.Equal(("Written by the first", "Sombor", 77), (stored.ShortDescription, stored.City, stored.TotalMembers));
        first.Dispose();
    }

    [Fact]
    public async Task Strangers_other_administrators_and_anonymous_visitors_cannot_use_the_editing_pages()
    {
        var (owner, slug) = await PublishedProfileWithAdministratorAsync("Guarded Cluster");
        owner.Dispose();
        using var otherAdministrator = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        await RegisterProfileAsync(otherAdministrator, "Other Cluster");
        using var stranger = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var anonymous = app.CreateBrowser();
        var before = await SnapshotAsync(slug);

        foreach (var path in ProfileFormStep.All.Select(s => $"/cluster-organisations/{slug}/edit/{s.Id}").Append($"/cluster-organisations/{slug}/submit"))
        {
            foreach (var (who, browser) in new[] { ("stranger", stranger), ("another profile's administrator", otherAdministrator) })
            {
                using var get = await browser.GetAsync(new Uri(path, UriKind.Relative));
                Assert.True(ProfileScenarios.IsRefusal(get), $"GET {path} as {who}: {(int)get.StatusCode}");
                // A post with a valid antiforgery token (taken from a page the user may open) is still refused.
                using var post = await ProfileScenarios.PostWithTokenAsync(browser, path, new() { ["Form.Name"] = "Taken over", ["Form.SectoralIndustries"] = await SectorIdAsync() });
                Assert.True(ProfileScenarios.IsRefusal(post), $"POST {path} as {who}: {(int)post.StatusCode}");
            }
            using var anonymousGet = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
            Assert.StartsWith("/account/login", anonymousGet.Headers.Location?.PathAndQuery(), StringComparison.Ordinal);
            using var anonymousPost = await ProfileScenarios.PostWithTokenAsync(anonymous, path, new() { ["Form.Name"] = "Taken over" });
            Assert.True(ProfileScenarios.IsRefusal(anonymousPost), $"anonymous POST {path}: {(int)anonymousPost.StatusCode}");
        }
        using var register = await ProfileScenarios.PostWithTokenAsync(anonymous, "/cluster-organisations/register", new() { ["Form.Name"] = "Anonymous Cluster" });
        Assert.True(ProfileScenarios.IsRefusal(register));

        Assert.Equal(before, await SnapshotAsync(slug));
        Assert.False(await app.WithDbAsync(db => db.ClusterOrganisations.AnyAsync(p => p.Name == "Anonymous Cluster" || p.Name == "Taken over")));
    }

    [Fact]
    public async Task Every_editing_page_is_valid_html_with_and_without_errors()
    {
        using var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        await HtmlValidator.AssertValidAsync(await browser.GetStringAsync(new Uri("/cluster-organisations/register", UriKind.Relative)), "register");
        using (var invalid = await browser.SubmitFormAsync("/cluster-organisations/register", new() { ["Form.Name"] = "", ["Form.Website"] = "nope" }))
        {
            await HtmlValidator.AssertValidAsync(await invalid.Content.ReadAsStringAsync(), "register with errors");
        }
        var slug = await RegisterProfileAsync(browser, "Valid Markup Cluster");
        await SaveStepAsync(browser, slug, "programmes", new() { ["Form.SuccessStories[0].Title"] = "A story", ["Form.SuccessStories[0].Text"] = "It went well." });
        foreach (var step in ProfileFormStep.All)
        {
            var url = $"/cluster-organisations/{slug}/edit/{step.Id}";
            await HtmlValidator.AssertValidAsync(await browser.GetStringAsync(new Uri(url, UriKind.Relative)), url);
        }
        using (var invalid = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/composition", new() { ["Form.TotalMembers"] = "-1", ["Form.SupportFacilities[0].Website"] = "x" }))
        {
            await HtmlValidator.AssertValidAsync(await invalid.Content.ReadAsStringAsync(), "composition with errors");
        }
        await HtmlValidator.AssertValidAsync(await browser.GetStringAsync(new Uri($"/cluster-organisations/{slug}/submit", UriKind.Relative)), "submit");
    }

    // ----- helpers -----

    /// <summary>A browser signed in as a new member who administers the profile too.</summary>
    private async Task<HttpClient> ColleagueOfAsync(string slug)
    {
        var colleague = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(colleague);
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == slug);
            var user = await db.Users.SingleAsync(u => u.Email == colleague);
            db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = profile.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return await app.SignInAsync(colleague);
    }

    private Task<string> SnapshotAsync(string slug) => app.WithDbAsync(async db =>
    {
        var p = await db.ClusterOrganisations.AsNoTracking().Include(x => x.Terms).Include(x => x.ManagementTeam).SingleAsync(x => x.Slug == slug);
        var revisions = await db.ProfileRevisions.CountAsync(r => r.ClusterOrganisationId == p.Id);
        return $"{p.Name}|{p.Status}|{p.ConcurrencyToken}|{p.Terms.Count}|{p.ManagementTeam.Count}|{revisions}";
    });

    private Task<string?> StoredDescriptionAsync(string slug) =>
        app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.ShortDescription).SingleAsync());

    private Task<string> SectorIdAsync() => app.WithDbAsync(async db =>
        (await db.VocabularyTerms.Where(t => t.Vocabulary == ClusterAtlas.Vocabularies.Vocabulary.SectoralIndustries).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static Task<string> RegisterProfileAsync(HttpClient browser, string name, string website = "https://cluster.example.org") =>
        ProfileScenarios.RegisterProfileAsync(browser, name, website);

    private static async Task SaveStepAsync(HttpClient browser, string slug, string step, Dictionary<string, string> fields)
    {
        using var response = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/edit/{step}", fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"saving {step} answered {(int)response.StatusCode}: " + string.Join("; ", (await ClusterAtlasFactory.FieldErrorsAsync(response)).Select(e => $"{e.Key}: {e.Value}")));
    }

    private async Task FillToMeetTheCriteriaAsync(HttpClient browser, string slug)
    {
        await SaveStepAsync(browser, slug, "identity", new() { ["Form.Name"] = (await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.Name).SingleAsync())), ["Form.Website"] = "https://cluster.example.org" });
        await SaveStepAsync(browser, slug, "general", new() { ["Form.ManagementTeamFte"] = "1.5", ["Form.EstablishedOn"] = "2012-05-01" });
        await SaveStepAsync(browser, slug, "focus", new() { ["Form.SectoralIndustries"] = await SectorIdAsync() });
        await SaveStepAsync(browser, slug, "composition", new() { ["Form.TotalMembers"] = "40", ["Form.SmeMembers"] = "30", ["Form.ResearchOrganisationMembers"] = "5" });
    }

    /// <summary>A member's browser and a published profile they administer (published as a moderator would).</summary>
    private async Task<(HttpClient Browser, string Slug)> PublishedProfileWithAdministratorAsync(string name)
    {
        var browser = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        var slug = await RegisterProfileAsync(browser, name);
        await FillToMeetTheCriteriaAsync(browser, slug);
        await app.WithDbAsync(async db =>
        {
            var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == slug);
            profile.Status = ProfileStatus.Published;
            profile.PublishedAt = DateTimeOffset.UtcNow;
            await db.SaveChangesAsync();
            await app.Services.GetRequiredService<ClusterAtlas.ClusterDirectory.SearchIndexWriter>().IndexAsync(db, [profile.Id], CancellationToken.None);
            return 0;
        });
        app.Services.GetRequiredService<ClusterAtlas.ClusterDirectory.DirectoryIndex>().MarkStale();
        return (browser, slug);
    }
}
