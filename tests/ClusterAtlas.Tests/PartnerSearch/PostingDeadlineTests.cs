using ClusterAtlas.PartnerSearch;
using ClusterAtlas.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.PartnerSearch;

/// <summary>Postings close themselves after their deadline and their authors are reminded once, a week before; safe on several instances.</summary>
public sealed class PostingDeadlineTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private Task<int> SetDeadlineAsync(int id, int daysFromToday) =>
        app.WithDbAsync(db => db.Set<PartnerSearchPosting>().Where(p => p.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Deadline, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(daysFromToday))));

    /// <summary>Two instances checking at the same moment, each with its own services and database connection.</summary>
    private async Task<(int Expired, int Reminded)> CheckOnTwoInstancesAsync()
    {
        var results = await Task.WhenAll(
            app.WithServiceAsync<PostingDeadlines, (int, int)>(d => d.RunAsync(CancellationToken.None)),
            app.WithServiceAsync<PostingDeadlines, (int, int)>(d => d.RunAsync(CancellationToken.None)));
        return (results.Sum(r => r.Item1), results.Sum(r => r.Item2));
    }

    [Fact]
    public async Task A_posting_past_its_deadline_closes_itself_once_and_leaves_the_list()
    {
        var member = await app.MemberWithPublishedProfileAsync("Deadline Cluster");
        var past = await member.PostPostingAsync("Deadline passed yesterday");
        var today = await member.PostPostingAsync("Deadline is today");
        await SetDeadlineAsync(past, -1);
        await SetDeadlineAsync(today, 0);

        await CheckOnTwoInstancesAsync();
        await CheckOnTwoInstancesAsync();

        var expired = await app.PostingAsync(past);
        Assert.Equal(PostingStatus.Expired, expired.Status);
        Assert.NotNull(expired.ClosedAt);
        Assert.Equal(PostingStatus.Open, (await app.PostingAsync(today)).Status);
        var list = await app.GetDocumentAsync("/partner-search?q=deadline");
        Assert.DoesNotContain(list.QuerySelectorAll(".result-title a"), a => a.GetAttribute("href") == $"/partner-search/{past}");
        Assert.Contains(list.QuerySelectorAll(".result-title a"), a => a.GetAttribute("href") == $"/partner-search/{today}");
        var page = await app.GetDocumentAsync($"/partner-search/{past}");
        Assert.Contains("Expired", page.QuerySelector(".badges")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_week_before_the_deadline_the_author_is_asked_once_to_renew_or_close()
    {
        var member = await app.MemberWithPublishedProfileAsync("Reminded Cluster");
        var soon = await member.PostPostingAsync("Closes in five days");
        var later = await member.PostPostingAsync("Closes in a month");
        await SetDeadlineAsync(soon, 5);
        await SetDeadlineAsync(later, 30);

        await CheckOnTwoInstancesAsync();
        await CheckOnTwoInstancesAsync();

        var mail = await app.LatestMailAsync(member.Email, "Your partner search “Closes in five days” closes soon");
        Assert.Equal($"/partner-search/{soon}/edit", ClusterAtlasFactory.LinkIn(mail, $"/partner-search/{soon}/edit").OriginalString);
        Assert.Contains($"/partner-search/{soon}/close", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(app.MailTo(member.Email), m => (m.Subject ?? "").Contains("closes soon", StringComparison.Ordinal));
        Assert.NotNull((await app.PostingAsync(soon)).ReminderSentAt);
        Assert.Null((await app.PostingAsync(later)).ReminderSentAt);
    }
}
