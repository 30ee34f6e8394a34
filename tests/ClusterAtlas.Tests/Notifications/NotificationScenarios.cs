using ClusterAtlas.Notifications;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Notifications;

/// <summary>Steps the notification tests share: acting on a posting, reading one's notifications, choosing how they are mailed.</summary>
public static class NotificationScenarios
{
    public static Task<HttpResponseMessage> ActOnPostingAsync(HttpClient browser, int postingId, string handler, params (string Name, string Value)[] fields) =>
        PartnerSearchScenarios.PostAsync(browser, $"/partner-search/{postingId}?handler={handler}",
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), tokenPage: $"/partner-search/{postingId}");

    public static Task<List<Notification>> NotificationsOfAsync(this ClusterAtlasFactory app, string email) => app.WithDbAsync(db =>
        db.Set<Notification>().AsNoTracking().Where(n => db.Users.Any(u => u.Id == n.UserId && u.Email == email)).OrderBy(n => n.Id).ToListAsync());

    /// <summary>The texts of the notifications on the person's page, and the unread count in the header.</summary>
    public static async Task<(List<string> Items, string HeaderLink)> NotificationPageAsync(HttpClient browser)
    {
        var page = await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri("/account/notifications", UriKind.Relative)));
        var items = page.QuerySelectorAll("ol.notifications > li").Select(li => System.Text.RegularExpressions.Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();
        var header = page.QuerySelector("header a[href='/account/notifications']")?.TextContent ?? "";
        return (items, System.Text.RegularExpressions.Regex.Replace(header, @"\s+", " ").Trim());
    }

    /// <summary>Chooses through the settings form; kinds not named stay as the form shows them.</summary>
    public static Task<HttpResponseMessage> ChooseAsync(HttpClient browser, params (NotificationKind Kind, NotificationDelivery Delivery)[] choices) =>
        browser.SubmitFormAsync("/account/notifications/settings",
            choices.ToDictionary(c => NotificationSettingsPageModel.FieldName(c.Kind), c => c.Delivery.ToString()));

    /// <summary>Waits until the outbox worker has handled every stored notification (mailed, put in the digest or not mailed).</summary>
    public static async Task NotificationsHandledAsync(this ClusterAtlasFactory app)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await app.WithDbAsync(db => db.Set<Notification>().CountAsync(n => n.MailState == NotificationMailState.Pending)) == 0)
            {
                await app.AllMailSentAsync();
                return;
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("notifications still waiting for the mailer");
    }
}
