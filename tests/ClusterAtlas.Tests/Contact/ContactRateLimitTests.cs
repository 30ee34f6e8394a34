using System.Net;
using ClusterAtlas.Contact;
using ClusterAtlas.Moderation;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ClusterAtlas.Tests.Contact;

/// <summary>An installation that allows 2 contact requests per hour and 4 per day to each sender, and 3 answers per hour.</summary>
public sealed class LowContactLimitFactory : ClusterAtlasFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ClusterAtlas:Contact:RequestsPerHour", "2");
        builder.UseSetting("ClusterAtlas:Contact:RequestsPerDay", "4");
        builder.UseSetting("ClusterAtlas:Contact:AnswersPerHour", "3");
    }
}

/// <summary>Contact requests are limited per sender, per hour and per day: the refusal says when they may write again, and is in the audit log.</summary>
public sealed class ContactRateLimitTests(LowContactLimitFactory app) : IClassFixture<LowContactLimitFactory>
{
    [Fact]
    public async Task The_third_request_in_an_hour_is_refused_with_429_and_when_to_write_again_and_is_audited()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Popular Cluster");
        var senderEmail = ClusterAtlasFactory.NewEmail();
        using var sender = await app.RegisterAndSignInAsync(senderEmail);
        await ContactScenarios.SendRequestAsync(sender, recipient.Slug, "First");
        await ContactScenarios.SendRequestAsync(sender, recipient.Slug, "Second");
        var before = await app.RequestCountAsync();

        using var refused = await ContactScenarios.WriteAsync(sender, recipient.Slug, "Third");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 3000, 3600);
        var page = await ClusterAtlasFactory.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.Contains("You have sent 2 contact requests in the last hour, the most allowed. You may write again at", page.QuerySelector(".alert-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Third", page.QuerySelector("#Draft_Subject")!.GetAttribute("value"));
        Assert.Equal(before, await app.RequestCountAsync());
        var audited = await app.WithDbAsync(db => db.ModerationActions.Where(a => a.Action == ModerationActionKind.ContactRateLimited && a.ClusterOrganisationId == recipient.ProfileId).Select(a => a.Detail).ToListAsync());
        Assert.Contains("2 per hour reached", Assert.Single(audited), StringComparison.Ordinal);

        // Another sender is not held back by this one's limit.
        using var other = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        await ContactScenarios.SendRequestAsync(other, recipient.Slug, "Someone else");
        // Opening the form says so too, before anything is typed.
        var form = await ContactScenarios.PageAsync(sender, $"/cluster-organisations/{recipient.Slug}/contact");
        Assert.NotNull(form.QuerySelector("#rate-limited"));
    }

    [Fact]
    public async Task The_daily_limit_counts_the_last_24_hours_and_says_when_the_oldest_leaves_it()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Daily Limit Cluster");
        var senderEmail = ClusterAtlasFactory.NewEmail();
        using var sender = await app.RegisterAndSignInAsync(senderEmail);
        var now = DateTimeOffset.UtcNow;
        await app.StoredRequestAsync(recipient.ProfileId, senderEmail, now.AddHours(-25)); // outside the day: not counted
        await app.StoredRequestAsync(recipient.ProfileId, senderEmail, now.AddHours(-23));
        await app.StoredRequestAsync(recipient.ProfileId, senderEmail, now.AddHours(-5));
        await app.StoredRequestAsync(recipient.ProfileId, senderEmail, now.AddHours(-3));
        await app.StoredRequestAsync(recipient.ProfileId, senderEmail, now.AddHours(-2));
        using var refused = await ContactScenarios.WriteAsync(sender, recipient.Slug, "Fifth today");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var text = await ClusterAtlasFactory.MainTextAsync(refused);
        Assert.Contains("You have sent 4 contact requests in the last 24 hours, the most allowed.", text, StringComparison.Ordinal);
        Assert.Contains("You may write again at", text, StringComparison.Ordinal);
        // The oldest of the four leaves the 24 hours in about an hour.
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 3400, 3600);
    }

    [Fact]
    public async Task The_fourth_answer_in_an_hour_is_refused_with_429_and_when_to_answer_again_the_request_itself_not_counted()
    {
        var recipient = await app.MemberWithPublishedProfileAsync("Chatty Cluster");
        var sender = await app.MemberWithPublishedProfileAsync("Talkative Cluster");
        var id = await ContactScenarios.SendRequestAsync(sender.Browser, recipient.Slug, "Many questions");
        for (var i = 1; i <= 3; i++)
        {
            using var answered = await ContactScenarios.ActAsync(sender.Browser, id, "Answer", ("Answer", $"Question {i}"));
            Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        }

        using var refused = await ContactScenarios.ActAsync(sender.Browser, id, "Answer", ("Answer", "Question 4"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 3000, 3600);
        var page = await ClusterAtlasFactory.ParseAsync(await refused.Content.ReadAsStringAsync());
        Assert.StartsWith("You have written 3 answers in the last hour, the most allowed. You may answer again at",
            page.QuerySelector(".field-validation-error[data-valmsg-for=Answer]")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Question 4", page.QuerySelector("#Answer")!.TextContent);
        Assert.Equal(4, await app.WithDbAsync(db => db.Set<ContactMessage>().CountAsync(m => m.RequestId == id)));
        var audited = await app.WithDbAsync(db => db.ModerationActions.Where(a => a.Action == ModerationActionKind.ContactRateLimited && a.ClusterOrganisationId == recipient.ProfileId).Select(a => a.Detail).ToListAsync());
        Assert.Contains("3 answers per hour reached", Assert.Single(audited), StringComparison.Ordinal);

        // The other side is held back by its own answers only.
        using var reply = await ContactScenarios.ActAsync(recipient.Browser, id, "Answer", ("Answer", "One answer to all."));
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
    }

    [Theory]
    [InlineData("en", 1, true, true, "You have sent 1 contact request in the last hour, the most allowed.")]
    [InlineData("en", 2, true, true, "You have sent 2 contact requests in the last hour, the most allowed.")]
    [InlineData("en", 1, false, false, "You have written 1 answer in the last 24 hours, the most allowed.")]
    [InlineData("en", 30, false, true, "You have written 30 answers in the last hour, the most allowed.")]
    [InlineData("sr-Latn", 1, true, true, "U poslednjih sat vremena poslali ste 1 zahtev za kontakt,")]
    [InlineData("sr-Latn", 3, true, false, "U poslednja 24 sata poslali ste 3 zahteva za kontakt,")]
    [InlineData("sr-Latn", 21, false, true, "U poslednjih sat vremena napisali ste 21 odgovor,")]
    [InlineData("sr-Latn", 100, false, false, "U poslednja 24 sata napisali ste 100 odgovora,")]
    [InlineData("de", 1, true, false, "Sie haben in den letzten 24 Stunden 1 Kontaktanfrage gesendet,")]
    [InlineData("de", 5, true, true, "Sie haben in der letzten Stunde 5 Kontaktanfragen gesendet,")]
    [InlineData("de", 1, false, true, "Sie haben in der letzten Stunde 1 Antwort geschrieben,")]
    [InlineData("de", 2, false, false, "Sie haben in den letzten 24 Stunden 2 Antworten geschrieben,")]
    public void The_limit_is_counted_in_the_plural_form_of_the_readers_language(string language, int limit, bool requests, bool perHour, string expected)
    {
        var T = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            var reached = new ContactLimitReached(limit, perHour, new DateTimeOffset(2027, 1, 14, 10, 0, 0, TimeSpan.Zero));
            var text = requests ? ContactLimitText.Requests(T, reached) : ContactLimitText.Answers(T, reached);
            Assert.StartsWith(expected, text, StringComparison.Ordinal);
            Assert.Contains(reached.RetryAt.UtcDateTime.ToString("g", CultureInfo.CurrentCulture), text, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
