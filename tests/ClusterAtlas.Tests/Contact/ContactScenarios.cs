using System.Globalization;
using System.Net;
using ClusterAtlas.Contact;
using ClusterAtlas.Profiles;
using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.PartnerSearch;
using Microsoft.EntityFrameworkCore;

namespace ClusterAtlas.Tests.Contact;

/// <summary>Steps the contact request tests share: writing to a profile, answering, reporting, and what is stored.</summary>
public static class ContactScenarios
{
    /// <summary>Posts the contact form of <paramref name="slug"/> with a subject, a message and <paramref name="extra"/> fields.</summary>
    public static Task<HttpResponseMessage> WriteAsync(HttpClient browser, string slug, string subject, string message = "We would like to work with you on **precision machining**.", params (string Name, string Value)[] extra)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Draft.Subject", subject), new("Draft.Message", message) };
        fields.AddRange(extra.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)));
        return PartnerSearchScenarios.PostAsync(browser, $"/cluster-organisations/{slug}/contact", fields);
    }

    /// <summary>Writes to <paramref name="slug"/> and returns the id of the conversation it opened.</summary>
    public static async Task<int> SendRequestAsync(HttpClient browser, string slug, string subject, params (string Name, string Value)[] extra)
    {
        // Through the form itself, with its own antiforgery token, as a browser sends it.
        var fields = new Dictionary<string, string> { ["Draft.Subject"] = subject, ["Draft.Message"] = "We would like to work with you on **precision machining**." };
        foreach (var (name, value) in extra)
        {
            fields[name] = value;
        }
        using var response = await browser.SubmitFormAsync($"/cluster-organisations/{slug}/contact", fields, "form.contact-form");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"contact answered {(int)response.StatusCode}: " + string.Join("; ", (await ClusterAtlasFactory.FieldErrorsAsync(response)).Select(e => $"{e.Key}: {e.Value}"))
            + await ClusterAtlasFactory.MainTextAsync(response));
        var location = response.Headers.Location!.OriginalString;
        Assert.EndsWith("?done=sent", location, StringComparison.Ordinal);
        return int.Parse(location.Split('/')[3].Split('?')[0], CultureInfo.InvariantCulture);
    }

    public static Task<HttpResponseMessage> ActAsync(HttpClient browser, int requestId, string handler, params (string Name, string Value)[] fields) =>
        PartnerSearchScenarios.PostAsync(browser, $"/account/inbox/{requestId}?handler={handler}",
            fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)), tokenPage: "/account/inbox");

    /// <summary>Makes the account of <paramref name="email"/> an administrator of the profile too (as a colleague would be added).</summary>
    public static Task AddAdministratorAsync(this ClusterAtlasFactory app, int profileId, string email) => app.WithDbAsync(async db =>
    {
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        db.ProfileAdministrators.Add(new ProfileAdministrator { ClusterOrganisationId = profileId, UserId = userId, AddedAt = DateTimeOffset.UtcNow });
        return await db.SaveChangesAsync();
    });

    /// <summary>A request from <paramref name="senderEmail"/> to the profile, written directly with its creation time (for limits and the matrix).</summary>
    public static Task<int> StoredRequestAsync(this ClusterAtlasFactory app, int profileId, string senderEmail, DateTimeOffset createdAt) => app.WithDbAsync(async db =>
    {
        var sender = await db.Users.SingleAsync(u => u.Email == senderEmail);
        var request = new ContactRequest { ProfileId = profileId, SenderUserId = sender.Id, SenderName = sender.DisplayName, Subject = "Stored request", CreatedAt = createdAt, SenderLastWroteAt = createdAt };
        db.Add(request);
        await db.SaveChangesAsync();
        db.Add(new ContactMessage { RequestId = request.Id, AuthorUserId = sender.Id, AuthorName = sender.DisplayName, FromSender = true, Text = "Stored text", CreatedAt = createdAt });
        await db.SaveChangesAsync();
        return request.Id;
    });

    /// <summary>Everything about contact requests a refused request could have changed (read marks aside: reading is allowed to change them).</summary>
    public static Task<string> ContactSnapshotAsync(this ClusterAtlasFactory app) => app.WithDbAsync(async db =>
    {
        var requests = (await db.Set<ContactRequest>().AsNoTracking().OrderBy(r => r.Id).ToListAsync())
            .Select(r => $"{r.Id}:{r.Subject}:{r.ReportedAt}:{r.ReportHandledAt}:{r.ReportOutcome}");
        var messages = await db.Set<ContactMessage>().CountAsync();
        var blocks = await db.Set<ContactBlock>().CountAsync();
        var settings = await db.ClusterOrganisations.Where(p => p.RelyOnContactRequests).CountAsync();
        return string.Join("\n", requests) + $"\n{messages}/{blocks}/{settings}";
    });

    public static Task<int> RequestCountAsync(this ClusterAtlasFactory app) => app.WithDbAsync(db => db.Set<ContactRequest>().CountAsync());

    public static async Task<AngleSharp.Dom.IDocument> PageAsync(HttpClient browser, string url) =>
        await ClusterAtlasFactory.ParseAsync(await browser.GetStringAsync(new Uri(url, UriKind.Relative)));
}
