using System.Net;
using ClusterAtlas.Newsletter;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.WhatsNew;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ClusterAtlas.Tests.Newsletter;

/// <summary>Subscribing with double opt-in, the links of newsletter mail, the weekly digest and the editorial newsletter, over HTTP.</summary>
public sealed class NewsletterTests(NewsletterFactory app) : IClassFixture<NewsletterFactory>
{
    private const string ConfirmSubject = "Bestätigen Sie Ihr Abonnement des ClusterAtlas-Newsletters";

    private static Dictionary<string, string> Form(string email, string language = "de", string sector = "", string country = "") =>
        new() { ["Email"] = email, ["Language"] = language, ["Sectors"] = sector, ["Countries"] = country };

    private Task<NewsletterSubscription> SubscriptionAsync(string email) =>
        app.WithDbAsync(db => db.Set<NewsletterSubscription>().AsNoTracking().SingleAsync(s => s.Email == email));

    [Fact]
    public async Task Subscribe_confirm_by_the_mailed_link_manage_and_unsubscribe_with_one_click()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var visitor = app.CreateBrowser();
        using var asked = await visitor.SubmitFormAsync("/newsletter", Form(email, sector: "automotive"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("Check your inbox", await ClusterAtlasFactory.MainTextAsync(asked), StringComparison.Ordinal);
        Assert.Equal(SubscriptionStatus.Pending, (await SubscriptionAsync(email)).Status);
        var confirmation = await app.LatestMailAsync(email, ConfirmSubject);
        Assert.Null(confirmation.Headers["List-Unsubscribe"]);
        var link = ClusterAtlasFactory.LinkIn(confirmation, NewsletterLinks.ConfirmPath);

        // Opening the link (a mail scanner) confirms nothing; its button does.
        using (var opened = await visitor.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        }
        Assert.Equal(SubscriptionStatus.Pending, (await SubscriptionAsync(email)).Status);
        using var confirmed = await visitor.SubmitFormAsync(link, []);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var subscription = await SubscriptionAsync(email);
        Assert.Equal(SubscriptionStatus.Confirmed, subscription.Status);
        Assert.Equal(["automotive"], subscription.Sectors);
        Assert.Equal("de", subscription.Language);

        // Asking again answers as for a new address; the confirmed subscription's choices stay; the mail has its manage link.
        using var again = await visitor.SubmitFormAsync("/newsletter", Form(email, language: "en", country: "RS"));
        Assert.Contains("Check your inbox", await ClusterAtlasFactory.MainTextAsync(again), StringComparison.Ordinal);
        var note = await app.LatestMailAsync(email, "Ihr Abonnement des ClusterAtlas-Newsletters");
        Assert.Equal(["automotive"], (await SubscriptionAsync(email)).Sectors);

        var manage = ClusterAtlasFactory.LinkIn(note, NewsletterLinks.ManagePath);
        using var saved = await visitor.SubmitFormAsync(manage, new() { ["Language"] = "sr-Latn", ["Sectors"] = "", ["Countries"] = "RS" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        subscription = await SubscriptionAsync(email);
        Assert.Equal(("sr-Latn", 0, "RS"), (subscription.Language, subscription.Sectors.Count, subscription.Countries.Single()));

        // RFC 8058: the header's address takes the one-click POST (no cookie, no antiforgery token); nothing else.
        Assert.Equal("List-Unsubscribe=One-Click", note.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = ClusterAtlasFactory.PathOf((note.Headers["List-Unsubscribe"] ?? "").Trim('<', '>'));
        using var anonymous = app.CreateBrowser();
        using (var noBody = await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        }
        using (var noToken = await anonymous.PostAsync(new Uri(NewsletterLinks.UnsubscribePath, UriKind.Relative), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        }
        Assert.Equal(SubscriptionStatus.Confirmed, (await SubscriptionAsync(email)).Status);
        using var oneClick = await anonymous.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriptionStatus.Unsubscribed, (await SubscriptionAsync(email)).Status);
    }

    [Fact]
    public async Task Subscribing_answers_the_same_whether_or_not_the_address_is_subscribed()
    {
        var known = ClusterAtlasFactory.NewEmail();
        await app.WithDbAsync(async db =>
        {
            db.Add(new NewsletterSubscription { Email = known, Language = "en", Status = SubscriptionStatus.Confirmed, RequestedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var unknown = ClusterAtlasFactory.NewEmail();
        using var visitor = app.CreateBrowser();
        using var first = await visitor.SubmitFormAsync("/newsletter", Form(known));
        using var second = await visitor.SubmitFormAsync("/newsletter", Form(unknown));
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal((await ClusterAtlasFactory.MainTextAsync(first)).Replace(known, "ADDRESS", StringComparison.Ordinal),
            (await ClusterAtlasFactory.MainTextAsync(second)).Replace(unknown, "ADDRESS", StringComparison.Ordinal));

        using var invalid = await visitor.SubmitFormAsync("/newsletter", Form("not an address", country: "XX"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = await ClusterAtlasFactory.FieldErrorsAsync(invalid);
        Assert.Contains("E-mail address", errors["Email"], StringComparison.Ordinal);
        Assert.Contains("“XX”", errors["Countries"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unconfirmed_subscription_expires_and_its_link_no_longer_confirms()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var visitor = app.CreateBrowser();
        using var asked = await visitor.SubmitFormAsync("/newsletter", Form(email));
        var link = ClusterAtlasFactory.LinkIn(await app.LatestMailAsync(email, ConfirmSubject), NewsletterLinks.ConfirmPath);
        await app.WithDbAsync(db => db.Set<NewsletterSubscription>().Where(s => s.Email == email)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.RequestedAt, DateTimeOffset.UtcNow.AddDays(-8))));
        using (var expired = await visitor.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        }
        // Not confirmed by the late link; the digest job of the host may already have removed it.
        var left = await app.WithDbAsync(db => db.Set<NewsletterSubscription>().AsNoTracking().Where(s => s.Email == email).Select(s => (SubscriptionStatus?)s.Status).SingleOrDefaultAsync());
        Assert.True(left is null or SubscriptionStatus.Pending, $"the expired subscription is {left}");
        await app.WithServiceAsync<WeeklyDigest, int>(async job => { await job.FeedAsync(CancellationToken.None); return 0; });
        Assert.False(await app.WithDbAsync(db => db.Set<NewsletterSubscription>().AnyAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task A_signed_in_member_subscribes_their_confirmed_address_in_one_step()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var member = await app.RegisterAndSignInAsync(email);
        using var subscribed = await member.SubmitFormAsync("/newsletter", new() { ["Language"] = "en", ["Sectors"] = "", ["Countries"] = "" }, "form[action*='handler=Member']");
        Assert.Equal(HttpStatusCode.OK, subscribed.StatusCode);
        Assert.Equal(SubscriptionStatus.Confirmed, (await SubscriptionAsync(email)).Status);
        Assert.DoesNotContain(app.MailTo(email), m => (m.Subject ?? "").Contains("Newsletter", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_digest_section_keeps_for_a_subscriber_their_sectors_and_countries_and_every_general_item()
    {
        static PublishedItem Item(string title, string[] sectors, string[] countries) => new("news", title, null, "/x", DateTimeOffset.UtcNow, sectors, countries, []);
        var section = new DigestSection("news", [
            Item("general", [], []), Item("automotive in Serbia", ["automotive"], ["RS"]), Item("automotive in Germany", ["automotive"], ["DE"]),
            Item("apparel anywhere", ["apparel"], []), Item("any sector in Serbia", [], ["RS"])]);
        var subscriber = new NewsletterSubscription { Email = "x@example.org", Language = "en", Sectors = ["automotive"], Countries = ["RS"] };
        Assert.Equal(["general", "automotive in Serbia", "any sector in Serbia"], section.For(subscriber).Items.Select(i => i.Title));
        Assert.Equal(5, section.For(new NewsletterSubscription { Email = "y@example.org", Language = "en" }).Items.Count);
    }

    [Fact]
    public async Task The_weekly_digest_is_filtered_per_subscriber_sent_once_per_week_and_shown_on_the_web()
    {
        var options = app.Services.GetRequiredService<IOptions<NewsletterOptions>>().Value;
        var week = DigestWeek.LatestDue(DateTimeOffset.UtcNow, options).Previous();
        var profile = await app.WithDbAsync(db => db.ClusterOrganisations.Include(p => p.Terms).ThenInclude(t => t.Term).FirstAsync(p => p.Status == ProfileStatus.Published));
        await app.WithDbAsync(db => db.ClusterOrganisations.Where(p => p.Id == profile.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PublishedAt, week.SendTime(options).AddDays(-2))));
        var sector = TextFolding.Slug(profile.Terms.First(t => t.Field == ProfileField.SectoralIndustry).Term.Label);
        var everything = ClusterAtlasFactory.NewEmail();
        var theirSector = ClusterAtlasFactory.NewEmail();
        var elsewhere = ClusterAtlasFactory.NewEmail();
        var waiting = ClusterAtlasFactory.NewEmail();
        await app.WithDbAsync(async db =>
        {
            db.AddRange(
                new NewsletterSubscription { Email = everything, Language = "en", Status = SubscriptionStatus.Confirmed, RequestedAt = DateTimeOffset.UtcNow },
                new NewsletterSubscription { Email = theirSector, Language = "de", Sectors = [sector], Countries = [profile.CountryCode!], Status = SubscriptionStatus.Confirmed, RequestedAt = DateTimeOffset.UtcNow },
                new NewsletterSubscription { Email = elsewhere, Language = "en", Sectors = [sector], Countries = [profile.CountryCode == "IS" ? "MT" : "IS"], Status = SubscriptionStatus.Confirmed, RequestedAt = DateTimeOffset.UtcNow },
                new NewsletterSubscription { Email = waiting, Language = "en", Status = SubscriptionStatus.Pending, RequestedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var at = week.SendTime(options).AddMinutes(5);
        var first = await app.WithServiceAsync<WeeklyDigest, DigestWeek?>(job => job.SendDueAsync(at, CancellationToken.None));
        var second = await app.WithServiceAsync<WeeklyDigest, DigestWeek?>(job => job.SendDueAsync(at.AddHours(1), CancellationToken.None));
        Assert.Equal(week, first);
        Assert.Null(second);
        Assert.Equal(1, await app.WithDbAsync(db => db.Set<NewsletterIssue>().CountAsync(i => i.Key == week.IssueKey)));
        await app.AllMailSentAsync();

        var english = Assert.Single(app.MailTo(everything));
        Assert.StartsWith("The ClusterAtlas weekly digest of ", english.Subject, StringComparison.Ordinal);
        Assert.Contains(profile.Name, english.TextBody, StringComparison.Ordinal);
        Assert.Contains("New cluster profiles", english.TextBody, StringComparison.Ordinal);
        Assert.Equal(week.Path, ClusterAtlasFactory.LinkIn(english, week.Path).OriginalString);
        Assert.NotNull(english.Headers["List-Unsubscribe"]);
        var german = Assert.Single(app.MailTo(theirSector));
        Assert.StartsWith("Der ClusterAtlas-Wochenüberblick vom ", german.Subject, StringComparison.Ordinal);
        Assert.Contains("Neue Clusterprofile", german.TextBody, StringComparison.Ordinal);
        Assert.Empty(app.MailTo(elsewhere));
        Assert.DoesNotContain(app.MailTo(waiting), m => (m.Subject ?? "").Contains("digest", StringComparison.Ordinal));

        var page = await app.GetDocumentAsync(week.Path);
        Assert.Contains(profile.Name, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using var anonymous = app.CreateBrowser();
        using var unknown = await anonymous.GetAsync(new Uri("/newsletter/digest/2026-W60", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var future = await anonymous.GetAsync(new Uri(DigestWeek.Current(DateTimeOffset.UtcNow, options).Next().Path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, future.StatusCode);
    }

    [Fact]
    public async Task The_digest_archive_runs_from_the_week_of_the_first_publication_to_this_week_with_links_only_to_weeks_it_has()
    {
        var options = app.Services.GetRequiredService<IOptions<NewsletterOptions>>().Value;
        var now = DateTimeOffset.UtcNow;
        var (first, last) = await app.WithServiceAsync<WeeklyDigest, (DigestWeek, DigestWeek)>(job => job.ArchiveAsync(now, CancellationToken.None));
        Assert.Equal(DigestWeek.Of(now), last);
        using var anonymous = app.CreateBrowser();

        // This week: its title is the day it goes out; no link to a later week, which is not found.
        var current = await app.GetDocumentAsync(last.Path);
        var sendDay = last.SendTime(options).ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("The ClusterAtlas weekly digest of " + sendDay, current.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(current.QuerySelector("a[rel=next]"));
        Assert.Contains(last <= DigestWeek.LatestDue(now, options) ? "to " + sendDay : "goes out on " + sendDay, current.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        using (var later = await anonymous.GetAsync(new Uri(last.Next().Path, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, later.StatusCode);
        }

        // The first week: no link to an earlier week, which is not found, nor is 2000-W01; its next week links back.
        var earliest = await app.GetDocumentAsync(first.Path);
        Assert.Null(earliest.QuerySelector("a[rel=prev]"));
        if (first < last)
        {
            Assert.Equal(first.Next().Path, earliest.QuerySelector("a[rel=next]")!.GetAttribute("href"));
            var second = await app.GetDocumentAsync(first.Next().Path);
            Assert.Equal(first.Path, second.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
            Assert.Equal(last.Previous().Path, current.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        }
        foreach (var before in new[] { first.Previous(), new DigestWeek(2000, 1) })
        {
            using var missing = await anonymous.GetAsync(new Uri(before.Path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public async Task The_platform_team_previews_tests_and_sends_an_editorial_once()
    {
        var staffEmail = ClusterAtlasFactory.NewEmail();
        using var staff = await app.SignInAsStaffAsync(global::ClusterAtlas.Accounts.AccountRoles.Moderator, staffEmail);
        var reader = ClusterAtlasFactory.NewEmail();
        var waiting = ClusterAtlasFactory.NewEmail();
        await app.WithDbAsync(async db =>
        {
            db.AddRange(
                new NewsletterSubscription { Email = reader, Language = "en", Status = SubscriptionStatus.Confirmed, RequestedAt = DateTimeOffset.UtcNow },
                new NewsletterSubscription { Email = waiting, Language = "en", Status = SubscriptionStatus.Pending, RequestedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var subject = "Cluster weeks " + Guid.NewGuid().ToString("N")[..6];
        using var saved = await staff.SubmitFormAsync(EditorialPageModel.NewPath, new() { ["Subject"] = subject, ["Body"] = "**Welcome** <script>alert(1)</script>" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draftPath = saved.Headers.Location!.OriginalString;
        var preview = await ClusterAtlasFactory.ParseAsync(await staff.GetStringAsync(new Uri(draftPath, UriKind.Relative)));
        Assert.Equal("Welcome", preview.QuerySelector(".newsletter-preview strong")?.TextContent);
        Assert.Null(preview.QuerySelector(".newsletter-preview script"));

        using var test = await staff.SubmitFormAsync(draftPath, [], "form[action*='handler=Test']");
        Assert.Equal(HttpStatusCode.OK, test.StatusCode);
        var tested = await app.LatestMailAsync(staffEmail, subject);
        Assert.DoesNotContain("<script>", tested.HtmlBody, StringComparison.Ordinal);
        Assert.Empty(app.MailTo(reader));

        using var unconfirmed = await staff.SubmitFormAsync(draftPath, [], "form[action*='handler=Send']");
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        using var sent = await staff.SubmitFormAsync(draftPath, new() { ["ConfirmSend"] = "true" }, "form[action*='handler=Send']");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var id = int.Parse(draftPath.Split('/', '?')[4], System.Globalization.CultureInfo.InvariantCulture);
        var deliveries = await app.WithDbAsync(db => db.Set<NewsletterDelivery>().CountAsync(d => d.IssueId == id));
        var page = await ClusterAtlasFactory.ParseAsync(await staff.GetStringAsync(new Uri(EditorialPageModel.PathOf(id), UriKind.Relative)));
        Assert.Null(page.QuerySelector("form[action*='handler=Send']"));
        // A second click (the form of a page opened before the first) sends nothing again.
        using var twice = await staff.PostFormAsync(preview.QuerySelector("form[action*='handler=Send']")!, new Uri(draftPath, UriKind.Relative), new() { ["ConfirmSend"] = "true" });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(deliveries, await app.WithDbAsync(db => db.Set<NewsletterDelivery>().CountAsync(d => d.IssueId == id)));
        await app.AllMailSentAsync();
        Assert.Single(app.MailTo(reader), m => m.Subject == subject);
        Assert.DoesNotContain(app.MailTo(waiting), m => m.Subject == subject);

        var report = await ClusterAtlasFactory.ParseAsync(await staff.GetStringAsync(new Uri(NewsletterAdminPageModel.Path, UriKind.Relative)));
        var row = report.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(subject, StringComparison.Ordinal));
        Assert.Equal(deliveries.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[2].TextContent.Trim());
    }

    [Fact]
    public async Task A_permanent_refusal_of_the_recipient_bounces_the_subscription_and_a_temporary_one_does_not()
    {
        Assert.True(ClusterAtlas.Mail.MailBounce.IsPermanentRefusal(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "550 5.1.1 no such user")));
        Assert.False(ClusterAtlas.Mail.MailBounce.IsPermanentRefusal(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxBusy, "450 4.2.1 try later")));
        Assert.False(ClusterAtlas.Mail.MailBounce.IsPermanentRefusal(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable, "550 sender")));
        Assert.False(ClusterAtlas.Mail.MailBounce.IsPermanentRefusal(new IOException("connection reset")));

        var email = ClusterAtlasFactory.NewEmail();
        await app.WithDbAsync(async db =>
        {
            db.Add(new NewsletterSubscription { Email = email, Language = "en", Status = SubscriptionStatus.Confirmed, RequestedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        await app.WithServiceAsync<IEnumerable<ClusterAtlas.Mail.IMailBounceHandler>, int>(async handlers =>
        {
            foreach (var handler in handlers)
            {
                await handler.BouncedAsync(email.ToUpperInvariant(), CancellationToken.None);
            }
            return 0;
        });
        Assert.Equal(SubscriptionStatus.Bounced, (await SubscriptionAsync(email)).Status);
    }
}
