using System.Globalization;
using System.Net;
using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Profiles;
using ClusterAtlas.Vocabularies;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.PartnerSearch;

/// <summary>A signed-in member and the cluster organisation they administer.</summary>
public sealed record Member(string Email, HttpClient Browser, string Slug, int ProfileId);

/// <summary>Steps the partner search tests share: members with published profiles, postings made through the form, refusals.</summary>
public static class PartnerSearchScenarios
{
    /// <summary>Registers a member, registers their cluster organisation through the form, and publishes it (as a moderator would).</summary>
    public static async Task<Member> MemberWithPublishedProfileAsync(this ClusterAtlasFactory app, string profileName)
    {
        var email = ClusterAtlasFactory.NewEmail();
        var browser = await app.RegisterAndSignInAsync(email);
        var slug = await ProfileScenarios.RegisterProfileAsync(browser, profileName);
        var id = await app.PublishAsync(slug);
        return new Member(email, browser, slug, id);
    }

    /// <summary>Another published profile for the same member.</summary>
    public static async Task<(string Slug, int Id)> AnotherPublishedProfileAsync(this ClusterAtlasFactory app, Member member, string profileName)
    {
        var slug = await ProfileScenarios.RegisterProfileAsync(member.Browser, profileName);
        return (slug, await app.PublishAsync(slug));
    }

    public static Task<int> PublishAsync(this ClusterAtlasFactory app, string slug) => app.WithDbAsync(async db =>
    {
        var profile = await db.ClusterOrganisations.SingleAsync(p => p.Slug == slug);
        profile.Status = ProfileStatus.Published;
        profile.PublishedAt = DateTimeOffset.UtcNow;
        await db.SaveChangesAsync();
        return profile.Id;
    });

    public static string Date(int daysFromToday) =>
        DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The fields of a valid posting; <paramref name="extra"/> adds or (by name) replaces values.</summary>
    public static List<KeyValuePair<string, string>> PostingFields(string title, string kind = "CooperationOffer", params (string Name, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Form.Kind", kind),
            new("Form.Title", title),
            new("Form.Text", "We look for **partners** in precision machining. See https://example.org/offer."),
            new("Form.Intents", PartnerSearchIntents.Partnering),
            new("Form.Deadline", Date(60)),
        };
        foreach (var name in extra.Select(e => e.Name).Distinct())
        {
            fields.RemoveAll(f => f.Key == name);
        }
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        return fields;
    }

    /// <summary>
    /// Posts exactly <paramref name="fields"/> (a name may repeat, as checkboxes do) with the antiforgery token of the
    /// form on <paramref name="pageUrl"/> (or of <paramref name="tokenPage"/> when the page itself is refused), to <paramref name="target"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string target, IEnumerable<KeyValuePair<string, string>> fields, string? tokenPage = null)
    {
        string? token = null;
        foreach (var page in new[] { tokenPage ?? target, "/cluster-organisations/register", "/account/login" })
        {
            using var get = await browser.GetAsync(new Uri(page, UriKind.Relative));
            var document = await ClusterAtlasFactory.ParseAsync(await get.Content.ReadAsStringAsync());
            token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
            if (get.IsSuccessStatusCode && token is not null)
            {
                break;
            }
        }
        var values = fields.ToList();
        values.Add(new("__RequestVerificationToken", token ?? ""));
        using var content = new FormUrlEncodedContent(values);
        return await browser.PostAsync(new Uri(target, UriKind.Relative), content);
    }

    /// <summary>Creates a posting through the form; returns its id.</summary>
    public static async Task<int> PostPostingAsync(this Member member, string title, string kind = "CooperationOffer", params (string Name, string Value)[] extra)
    {
        using var response = await PostAsync(member.Browser, $"/cluster-organisations/{member.Slug}/partner-search/new", PostingFields(title, kind, extra));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"posting answered {(int)response.StatusCode}: " + string.Join("; ", (await ClusterAtlasFactory.FieldErrorsAsync(response)).Select(e => $"{e.Key}: {e.Value}")));
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("?done=created", location, StringComparison.Ordinal);
        return int.Parse(location.Split('/')[2].Split('?')[0], CultureInfo.InvariantCulture);
    }

    public static Task<PartnerSearchPosting> PostingAsync(this ClusterAtlasFactory app, int id) =>
        app.WithDbAsync(db => db.Set<PartnerSearchPosting>().AsNoTracking().Include(p => p.Terms).SingleAsync(p => p.Id == id));

    /// <summary>The id of a sectoral industry or technology field by its English label.</summary>
    public static Task<int> TermIdAsync(this ClusterAtlasFactory app, string vocabulary, string label) =>
        app.WithDbAsync(db => db.VocabularyTerms.Where(t => t.Vocabulary == vocabulary && t.Label == label).Select(t => t.Id).SingleAsync());

    public static Task<int> FirstTermIdAsync(this ClusterAtlasFactory app, string vocabulary, int skip = 0) =>
        app.WithDbAsync(db => db.VocabularyTerms.Where(t => t.Vocabulary == vocabulary && t.Status == TermStatus.Active).OrderBy(t => t.Id).Skip(skip).Select(t => t.Id).FirstAsync());

    /// <summary>
    /// A posting of a profile by its (first) administrator, and a comment of theirs on it, written directly: the
    /// authorisation matrix needs one whatever the profile's status.
    /// </summary>
    public static Task<(int PostingId, int CommentId)> PostingWithCommentAsync(ClusterAtlasFactory app, int profileId) => app.WithDbAsync(async db =>
    {
        var owner = await db.ProfileAdministrators.Where(a => a.ClusterOrganisationId == profileId).Select(a => a.User).FirstAsync();
        var now = DateTimeOffset.UtcNow;
        var posting = new PartnerSearchPosting
        {
            ProfileId = profileId, AuthorUserId = owner.Id, AuthorName = owner.DisplayName, Title = "Matrix posting", Text = "Matrix text",
            Intents = [PartnerSearchIntents.Partnering], Deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), CreatedAt = now, UpdatedAt = now,
        };
        db.Add(posting);
        await db.SaveChangesAsync();
        var comment = new PostingComment { PostingId = posting.Id, AuthorUserId = owner.Id, AuthorName = owner.DisplayName, Text = "Matrix comment", CreatedAt = now };
        db.Add(comment);
        await db.SaveChangesAsync();
        return (posting.Id, comment.Id);
    });

    /// <summary>Everything about postings a refused request could have changed.</summary>
    public static Task<string> PartnerSearchSnapshotAsync(this ClusterAtlasFactory app) => app.WithDbAsync(async db =>
    {
        var postings = (await db.Set<PartnerSearchPosting>().AsNoTracking().OrderBy(p => p.Id).ToListAsync())
            .Select(p => $"{p.Id}:{p.Title}:{p.Status}:{p.Deadline}:{p.UpdatedAt.UtcTicks}");
        var comments = (await db.Set<PostingComment>().AsNoTracking().OrderBy(c => c.Id).ToListAsync())
            .Select(c => $"{c.Id}:{c.Text}:{c.RemovedAt}");
        var followers = await db.Set<PostingFollower>().CountAsync();
        var interests = await db.Set<PostingInterest>().CountAsync();
        return string.Join("\n", postings) + "\n" + string.Join("\n", comments) + $"\n{followers}/{interests}";
    });
}
