using System.Net;
using ClusterAtlas.Accounts;
using ClusterAtlas.Moderation;
using ClusterAtlas.Tests.Accounts;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static ClusterAtlas.Tests.Moderation.ModerationScenario;
using static ClusterAtlas.Tests.Profiles.ProfileScenarios;

namespace ClusterAtlas.Tests.Moderation;

/// <summary>The audit log beyond the validation team's decisions: who administers a profile, imports and roles from the command line; its filters and paging.</summary>
public sealed class AuditLogTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task Adding_removing_and_handing_over_colleagues_is_in_the_audit_log_with_who_did_it()
    {
        var ownerEmail = ClusterAtlasFactory.NewEmail();
        using var owner = await app.RegisterAndSignInAsync(ownerEmail);
        var slug = await RegisterProfileAsync(owner, "Audited Colleagues Cluster");
        var profileId = await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());
        var colleagueEmail = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(colleagueEmail);
        var successorEmail = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(successorEmail);
        var url = $"/cluster-organisations/{slug}/colleagues";

        using (var added = await owner.SubmitFormAsync(url, new() { ["ColleagueEmail"] = colleagueEmail }, "form.add-colleague"))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        var page = await ClusterAtlasFactory.ParseAsync(await owner.GetStringAsync(new Uri(url, UriKind.Relative)));
        using (var removed = await owner.PostFormAsync(RemoveFormOf(page, await app.UserIdAsync(colleagueEmail))!, new Uri(url, UriKind.Relative), []))
        {
            Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        }
        using (var handedOver = await owner.SubmitFormAsync(url, new() { ["SuccessorEmail"] = successorEmail, ["ConfirmHandOver"] = "true" }, "form.hand-over"))
        {
            Assert.Equal(HttpStatusCode.Redirect, handedOver.StatusCode);
        }

        var actions = await app.ActionsAsync(profileId);
        Assert.Equal([ModerationActionKind.ColleagueAdded, ModerationActionKind.ColleagueRemoved, ModerationActionKind.HandedOver], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Contains(ownerEmail, a.ModeratorName, StringComparison.Ordinal));
        Assert.All(actions, a => Assert.Equal("Audited Colleagues Cluster", a.ProfileName));
        Assert.Equal($"Colleague: Ana Test <{colleagueEmail}>", actions[0].Detail);
        Assert.Equal($"Colleague: Ana Test <{colleagueEmail}>", actions[1].Detail);
        Assert.Equal($"Handed over to Ana Test <{successorEmail}>", actions[2].Detail);

        // The log page shows them under their own names, and a filter by kind finds only the hand-over.
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        var log = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/audit?kind=HandedOver&subject=Audited+Colleagues", UriKind.Relative)));
        var rows = log.QuerySelectorAll("table.audit-log tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        var row = Assert.Single(rows);
        Assert.Equal("Profile handed over", row[2]);
        Assert.Equal("Audited Colleagues Cluster", row[3]);
        Assert.Equal("HandedOver", log.QuerySelector("select[name=kind] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_filters_narrow_the_log_by_kind_actor_subject_and_days_and_the_pages_keep_them()
    {
        var marker = UniqueWord();
        var day = new DateTimeOffset(2031, 5, 10, 0, 0, 0, TimeSpan.Zero);
        await app.WithDbAsync(async db =>
        {
            for (var i = 0; i < 60; i++)
            {
                db.ModerationActions.Add(new ModerationAction
                {
                    // Two entries an hour from 10 May 2031: 60 entries over 30 hours, into 11 May.
                    At = day.AddMinutes(30 * i),
                    ModeratorName = i % 2 == 0 ? $"Even {marker} <even@example.org>" : $"Odd {marker} <odd@example.org>",
                    Action = i % 3 == 0 ? ModerationActionKind.RoleGranted : ModerationActionKind.AccountLocked,
                    ProfileName = $"Subject {marker} {i:00}",
                    Detail = "Filtered",
                });
            }
            return await db.SaveChangesAsync();
        });
        using var moderator = await app.SignInAsStaffAsync(AccountRoles.Moderator);
        async Task<List<string>> SubjectsAsync(string query) =>
            [.. (await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri("/moderation/audit?" + query, UriKind.Relative))))
                .QuerySelectorAll("table.audit-log tbody tr td:nth-child(4)").Select(td => td.TextContent.Trim())];

        // By who acted (any case), by kind, by subject; newest first.
        var odd = await SubjectsAsync($"actor=ODD+{marker}");
        Assert.Equal(30, odd.Count);
        Assert.Equal($"Subject {marker} 59", odd[0]);
        var locked = await SubjectsAsync($"subject={marker}&kind=AccountLocked");
        Assert.Equal(40, locked.Count);
        Assert.DoesNotContain($"Subject {marker} 03", locked);
        Assert.Equal([$"Subject {marker} 07"], await SubjectsAsync($"subject={marker}+07"));
        // By days (UTC, both ends included): 10 May holds entries 0 to 47, 11 May 48 to 59.
        Assert.Equal(12, (await SubjectsAsync($"subject={marker}&from=2031-05-11&to=2031-05-11")).Count);
        Assert.Equal(48, (await SubjectsAsync($"subject={marker}&to=2031-05-10")).Count);

        // More than a page: the pager's links keep the filter.
        var first = await ClusterAtlasFactory.ParseAsync(await moderator.GetStringAsync(new Uri($"/moderation/audit?subject={marker}&from=2031-05-10", UriKind.Relative)));
        Assert.Equal(50, first.QuerySelectorAll("table.audit-log tbody tr").Length);
        Assert.Equal($"/moderation/audit?subject={marker}&from=2031-05-10&page=2", first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href"));
        Assert.Equal(10, (await SubjectsAsync($"subject={marker}&from=2031-05-10&page=2")).Count);
        Assert.Equal(marker, first.QuerySelector("input[name=subject]")!.GetAttribute("value"));
        Assert.Equal("2031-05-10", first.QuerySelector("input[name=from]")!.GetAttribute("value"));

        // Wrong values are named next to their fields; the page still answers.
        using var wrong = await moderator.GetAsync(new Uri($"/moderation/audit?kind=Sabotage&from=10.05.2031&to=2031-02-30&subject={marker}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(wrong);
        Assert.Equal("Choose a kind of event from the list.", errors["kind"]);
        Assert.StartsWith("Enter a date as year-month-day", errors["from"], StringComparison.Ordinal);
        Assert.StartsWith("Enter a date as year-month-day", errors["to"], StringComparison.Ordinal);
        using var swapped = await moderator.GetAsync(new Uri($"/moderation/audit?from=2031-05-11&to=2031-05-10&subject={marker}", UriKind.Relative));
        Assert.Equal("The last day comes before the first: swap them.", (await ClusterAtlasFactory.FieldErrorsAsync(swapped))["to"]);
        Assert.Equal([], await SubjectsAsync($"subject={marker}&kind=Approved"));
        Assert.Contains("No entry matches these filters.", await moderator.GetStringAsync(new Uri($"/moderation/audit?subject={marker}&kind=Approved", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Database", "none")] // a SQLite folder of its own whatever the pass: the PostgreSQL pass of ./test.sh would only repeat it
    public async Task Roles_given_and_profiles_imported_on_the_command_line_are_in_the_audit_log()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "clusteratlas-tests", "cli-" + Guid.NewGuid().ToString("N"));
        var page = Path.Combine(dataDirectory, "imports", "seed.txt");
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        await File.WriteAllTextAsync(page, SeedPage.Text);
        try
        {
            var (grantExit, grantOutput) = await RunAsync(dataDirectory, "users", "add-moderator", "cli-moderator@example.org");
            Assert.True(grantExit == 0, grantOutput);
            var (firstExit, firstOutput) = await RunAsync(dataDirectory, "import", "eccp", page);
            Assert.True(firstExit == 0, firstOutput);
            var (secondExit, secondOutput) = await RunAsync(dataDirectory, "import", "eccp", page);
            Assert.True(secondExit == 0, secondOutput);

            await using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "clusteratlas.db")};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT Action, ModeratorName, ModeratorUserId, ProfileName, ClusterOrganisationId, Detail FROM ModerationActions ORDER BY Id";
            var rows = new List<(string Action, string Actor, bool HasUser, string Subject, bool HasProfile, string Detail)>();
            await using (var reader = await query.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    rows.Add((reader.GetString(0), reader.GetString(1), !reader.IsDBNull(2), reader.GetString(3), !reader.IsDBNull(4), reader.GetString(5)));
                }
            }
            Assert.Equal(["RoleGranted", "ImportCreated", "ImportUpdated"], rows.Select(r => r.Action));
            Assert.All(rows, r => Assert.StartsWith("Command line (", r.Actor, StringComparison.Ordinal));
            Assert.All(rows, r => Assert.False(r.HasUser));
            Assert.Equal(("cli-moderator <cli-moderator@example.org>", "Moderator"), (rows[0].Subject, rows[0].Detail));
            Assert.Equal("Vojvodina Metal Cluster", rows[1].Subject);
            Assert.True(rows[1].HasProfile);
            Assert.StartsWith("From seed.txt", rows[1].Detail, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(dataDirectory))
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
        }
    }

    /// <summary>The real executable in a process of its own, on <paramref name="dataDirectory"/>.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(string dataDirectory, params string[] arguments)
    {
        var run = await CommandLineRun.RunAsync(arguments, new Dictionary<string, string>
        {
            ["ClusterAtlas__DataDirectory"] = dataDirectory,
            ["ClusterAtlas__Database"] = "Sqlite",
            ["ClusterAtlas__BaseUrl"] = "https://clusters.example.org",
        });
        return (run.ExitCode, run.Output + run.Errors);
    }
}
