using System.Globalization;
using System.Net;
using System.Text;
using ClusterAtlas.Accounts;
using ClusterAtlas.Calls;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Calls;

/// <summary>Steps the calls' tests share: calls added through the platform team's form or a CSV, profiles given terms, snapshots.</summary>
public static class CallScenarios
{
    public const string Header = "programme,title,identifier,link,opens,closes,closing_time,time_zone,eligible_countries,sectors,technology_fields,s3_areas,budget_amount,budget_currency,budget_text,summary,tags";

    public static string Day(int daysFromToday) => PartnerSearchScenarios.Date(daysFromToday);

    /// <summary>A CSV line of the layout's columns, in the order of <see cref="Header"/>.</summary>
    public static string Row(string title, string identifier, string link, int closesInDays, string countries = "", string sectors = "", string technologies = "",
        string s3 = "", string summary = "Funds cluster cooperation.", string programme = "Single Market Programme", string opens = "", string time = "", string amount = "", string currency = "") =>
        string.Join(',', new[] { programme, title, identifier, link, opens, Day(closesInDays), time, "", countries, sectors, technologies, s3, amount, currency, "", summary, "" }
            .Select(Quote));

    private static string Quote(string cell) => cell.Contains(',', StringComparison.Ordinal) || cell.Contains('"', StringComparison.Ordinal)
        ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;

    public static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join("\n", rows.Prepend(Header)) + "\n");

    public static Task<CallImportResult> ImportAsync(this ClusterAtlasFactory app, byte[] csv, bool dryRun = false) =>
        app.WithServiceAsync<CallImporter, CallImportResult>(importer => importer.ImportAsync(csv, dryRun, CancellationToken.None));

    /// <summary>Adds a call through the platform team's form; returns its slug.</summary>
    public static async Task<string> AddThroughFormAsync(HttpClient staff, Dictionary<string, string> fields)
    {
        using var response = await staff.SubmitFormAsync("/admin/calls/new", fields, "form.call-form");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"adding answered {(int)response.StatusCode}: " + string.Join("; ", (await ClusterAtlasFactory.FieldErrorsAsync(response)).Select(e => $"{e.Key}: {e.Value}")));
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("?done=created", location, StringComparison.Ordinal);
        return location.Split('/')[2].Split('?')[0];
    }

    public static Task<FundingCall> CallAsync(this ClusterAtlasFactory app, string slug) =>
        app.WithDbAsync(db => db.Set<FundingCall>().AsNoTracking().Include(c => c.Terms).SingleAsync(c => c.Slug == slug));

    /// <summary>Gives a profile a country and terms (by English label), as its administrators would in its form.</summary>
    public static Task<int> SetProfileAsync(this ClusterAtlasFactory app, int profileId, string country, params (ProfileField Field, string Label)[] terms) => app.WithDbAsync(async db =>
    {
        var profile = await db.ClusterOrganisations.Include(p => p.Terms).SingleAsync(p => p.Id == profileId);
        profile.CountryCode = country;
        profile.Terms.RemoveAll(t => terms.Any(x => x.Field == t.Field));
        foreach (var (field, label) in terms)
        {
            var vocabulary = ClusterAtlas.Vocabularies.Vocabulary.For(field);
            var id = await db.VocabularyTerms.Where(t => t.Vocabulary == vocabulary && t.Label == label).Select(t => t.Id).SingleAsync();
            profile.Terms.Add(new ProfileTerm { Field = field, VocabularyTermId = id, SortOrder = profile.Terms.Count });
        }
        return await db.SaveChangesAsync();
    });

    /// <summary>Every call and its terms, for "nothing changed".</summary>
    public static Task<string> CallsSnapshotAsync(this ClusterAtlasFactory app) => app.WithDbAsync(async db =>
    {
        var calls = await db.Set<FundingCall>().AsNoTracking().Include(c => c.Terms).OrderBy(c => c.Id).ToListAsync();
        return string.Join("\n", calls.Select(c => string.Create(CultureInfo.InvariantCulture,
            $"{c.Id}|{c.Slug}|{c.Title}|{c.Programme}|{c.Identifier}|{c.Link}|{c.ClosesAt.UtcTicks}|{c.Summary}|{string.Join(",", c.EligibleCountries)}|{string.Join(",", c.Terms.Select(t => t.VocabularyTermId))}")));
    });

    public static Task<HttpClient> PlatformTeamAsync(this ClusterAtlasFactory app) => app.SignInAsStaffAsync(AccountRoles.Moderator);
}
