using System.Net;
using ClusterAtlas.Notifications;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClusterAtlas.Tests.Notifications.NotificationScenarios;

namespace ClusterAtlas.Tests.Notifications;

/// <summary>The unsubscribe link of notification mail: no sign-in, RFC 8058 one-click, and nothing but a valid token's POST changes anything.</summary>
public sealed class UnsubscribeTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    [Fact]
    public async Task The_mail_link_and_one_click_post_stop_that_kind_without_signing_in_and_refuse_anything_else()
    {
        var author = await app.MemberWithPublishedProfileAsync("Unsubscribing Cluster");
        var id = await author.PostPostingAsync("A posting whose author unsubscribes");
        using var commenter = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var commented = await ActOnPostingAsync(commenter, id, "Comment", ("CommentText", "A question"));
        var mail = await app.LatestMailAsync(author.Email, "Ana Test commented on the partner search “A posting whose author unsubscribes”");

        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var header = mail.Headers["List-Unsubscribe"] ?? "";
        Assert.Matches("^<http://[^>]+/account/notifications/unsubscribe\\?token=[^>]+>$", header);
        var link = ClusterAtlasFactory.PathOf(header.Trim('<', '>'));
        Assert.Equal(link, ClusterAtlasFactory.LinkIn(mail, "/account/notifications/unsubscribe"));

        using var anonymous = app.CreateBrowser();
        // Opening the link (as a mail scanner would) changes nothing.
        using var opened = await anonymous.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("Stop e-mails about Comments on partner searches I follow or wrote?", await ClusterAtlasFactory.MainTextAsync(opened), StringComparison.Ordinal);
        Assert.Empty(await PreferencesAsync(author.Email));

        // Refused: a POST without the one-click body, a changed token, no token.
        using (var noBody = await anonymous.PostAsync(link, new FormUrlEncodedContent([])))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noBody.StatusCode);
        }
        var token = System.Web.HttpUtility.ParseQueryString(link.OriginalString.Split('?')[1])["token"]!;
        var forged = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        foreach (var target in new[] { "/account/notifications/unsubscribe?token=" + Uri.EscapeDataString(forged), "/account/notifications/unsubscribe" })
        {
            using var refused = await anonymous.PostAsync(new Uri(target, UriKind.Relative), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }
        Assert.Empty(await PreferencesAsync(author.Email));

        // A token of another purpose (an account's) is no unsubscribe token.
        using (var wrongPurpose = await anonymous.GetAsync(new Uri("/account/notifications/unsubscribe?token=" + Uri.EscapeDataString(
            Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(
                app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("another purpose"), "x\nComment")), UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongPurpose.StatusCode);
        }

        // The one-click POST a mail program sends: no cookie, no antiforgery token.
        using var oneClick = await anonymous.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal([(NotificationKind.Comment, NotificationDelivery.NoEmail)], await PreferencesAsync(author.Email));

        using var again = await ActOnPostingAsync(commenter, id, "Comment", ("CommentText", "Another question"));
        await app.NotificationsHandledAsync();
        Assert.Single(app.MailTo(author.Email), m => (m.Subject ?? "").Contains("commented", StringComparison.Ordinal));
        Assert.Equal(2, (await app.NotificationsOfAsync(author.Email)).Count);

        // The settings page shows the choice, and the person may choose again.
        var settings = await ClusterAtlasFactory.ParseAsync(await author.Browser.GetStringAsync(new Uri("/account/notifications/settings", UriKind.Relative)));
        Assert.NotNull(settings.QuerySelector("input[name='delivery-Comment'][value=NoEmail][checked]"));
        Assert.NotNull(settings.QuerySelector("input[name='delivery-InterestShown'][value=Immediately][checked]"));
    }

    [Fact]
    public async Task The_settings_form_refuses_an_unknown_choice_naming_the_kind()
    {
        using var member = await app.RegisterAndSignInAsync(ClusterAtlasFactory.NewEmail());
        using var refused = await member.SubmitFormAsync("/account/notifications/settings", new() { ["delivery-Comment"] = "Hourly" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Choose how you want to hear of “Comments on partner searches I follow or wrote”.", await ClusterAtlasFactory.MainTextAsync(refused), StringComparison.Ordinal);
    }

    private Task<List<(NotificationKind, NotificationDelivery)>> PreferencesAsync(string email) => app.WithDbAsync(db =>
        db.Set<NotificationPreference>().Where(p => db.Users.Any(u => u.Id == p.UserId && u.Email == email))
            .Select(p => new ValueTuple<NotificationKind, NotificationDelivery>(p.Kind, p.Delivery)).ToListAsync());
}
