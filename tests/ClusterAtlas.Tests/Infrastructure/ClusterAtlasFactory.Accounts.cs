using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ClusterAtlas.Accounts;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace ClusterAtlas.Tests.Infrastructure;

/// <summary>Intent helpers for accounts: a browser-like client, forms with their antiforgery token, mail read from the pickup folder.</summary>
public partial class ClusterAtlasFactory
{
    public const string Password = "correct horse battery staple";

    public string MailDirectory => Path.Combine(_dataDirectory, "mail");

    /// <summary>
    /// Messages read so far, by file: the pickup folder gets each .eml whole (written aside, then moved in) and never
    /// changes it, and a host shared by a test class collects hundreds that every wait for mail read again.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, MimeMessage> _mailRead = new(StringComparer.Ordinal);

    /// <summary>A client that keeps cookies and shows redirects instead of following them, as a test of a browser's view needs.</summary>
    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    public static string NewEmail() => $"person-{Guid.NewGuid():N}@example.org";

    /// <summary>Registers through the form (consents given) and returns the response of the form.</summary>
    public static Task<HttpResponseMessage> RegisterAsync(HttpClient browser, string email, string password = Password, string name = "Ana Test") =>
        browser.SubmitFormAsync("/account/register", new()
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
            ["Input.AcceptPrivacyPolicy"] = "true",
            ["Input.AcceptTerms"] = "true",
        });

    /// <summary>Registers, then opens the link of the confirmation e-mail.</summary>
    public async Task RegisterAndConfirmAsync(string email, string password = Password, string name = "Ana Test")
    {
        using var browser = CreateBrowser();
        using var registered = await RegisterAsync(browser, email, password, name);
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        var link = LinkIn(await LatestMailAsync(email, "Confirm your e-mail address"), "/account/confirm-email");
        using var confirmed = await browser.GetAsync(link);
        Assert.Contains("Your e-mail address is confirmed", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>Signs in through the login form and returns the response (a redirect on success).</summary>
    public static Task<HttpResponseMessage> SubmitLoginAsync(HttpClient browser, string email, string password = Password, string? returnUrl = null) =>
        browser.SubmitFormAsync("/account/login" + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)), new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    /// <summary>A browser signed in as a confirmed member (registered here when <paramref name="email"/> is new).</summary>
    public async Task<HttpClient> SignInAsync(string email, string password = Password)
    {
        var browser = CreateBrowser();
        using var response = await SubmitLoginAsync(browser, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email} answered {(int)response.StatusCode}");
        return browser;
    }

    public async Task<HttpClient> RegisterAndSignInAsync(string email, string password = Password)
    {
        await RegisterAndConfirmAsync(email, password);
        return await SignInAsync(email, password);
    }

    /// <summary>A moderator or administrator as `users add-...` makes one, with the password set through the one-time link.</summary>
    public async Task<StaffAccountResult> AddStaffAsync(string email, string role, string password = Password)
    {
        var result = await WithServiceAsync<StaffAccounts, StaffAccountResult>(staff => staff.AddAsync(email, role, CancellationToken.None));
        using var browser = CreateBrowser();
        using var set = await browser.SubmitFormAsync(PathOf(result.SetPasswordLink), new()
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.Contains("Your password is set", await set.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return result;
    }

    /// <summary>The newest message to <paramref name="to"/> whose subject is <paramref name="subject"/>; waits briefly for it.</summary>
    public async Task<MimeMessage> LatestMailAsync(string to, string subject)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var found = MailTo(to).Where(m => m.Subject == subject).ToList();
            if (found.Count > 0)
            {
                return found[^1];
            }
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"no message \"{subject}\" to {to} in {MailDirectory}; there are: "
            + string.Join("; ", MailTo(to).Select(m => m.Subject)));
    }

    /// <summary>Waits until the outbox has delivered every message queued so far (mail goes out after the answer).</summary>
    public async Task AllMailSentAsync()
    {
        var waiting = 0;
        for (var attempt = 0; attempt < 100; attempt++)
        {
            waiting = await WithDbAsync(db => db.Set<ClusterAtlas.Mail.OutboxMessage>().CountAsync(m => m.SentAt == null && m.GaveUpAt == null));
            if (waiting == 0)
            {
                return;
            }
            await Task.Delay(50);
        }
        Assert.True(waiting == 0, $"{waiting} messages still waiting in the outbox");
    }

    /// <summary>Every message written to <paramref name="to"/>, oldest first.</summary>
    public IReadOnlyList<MimeMessage> MailTo(string to) =>
        !Directory.Exists(MailDirectory) ? [] :
        [.. new DirectoryInfo(MailDirectory).GetFiles("*.eml")
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => _mailRead.GetOrAdd(f.FullName, path => MimeMessage.Load(path)))
            .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>The path and query of the first link in the message's plain text that goes to <paramref name="path"/>.</summary>
    public static Uri LinkIn(MimeMessage message, string path)
    {
        var link = Regex.Matches(message.TextBody ?? "", @"https?://\S+").Select(m => m.Value)
            .FirstOrDefault(url => new Uri(url).AbsolutePath == path)
            ?? throw new Xunit.Sdk.XunitException($"no link to {path} in: {message.TextBody}");
        return PathOf(link);
    }

    public static Uri PathOf(string absoluteUrl) => new(new Uri(absoluteUrl).PathAndQuery, UriKind.Relative);

    /// <summary>The text of the page's main content, for comparing two answers.</summary>
    public static async Task<string> MainTextAsync(HttpResponseMessage response)
    {
        var page = await ParseAsync(await response.Content.ReadAsStringAsync());
        return Regex.Replace(page.QuerySelector("main")?.TextContent ?? "", @"\s+", " ").Trim();
    }

    /// <summary>The field errors shown next to the fields: field name to message.</summary>
    public static async Task<Dictionary<string, string>> FieldErrorsAsync(HttpResponseMessage response)
    {
        var page = await ParseAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelectorAll(".field-validation-error")
            .ToDictionary(e => e.GetAttribute("data-valmsg-for") ?? "", e => e.TextContent.Trim());
    }
}

public static class BrowserForms
{
    /// <summary>
    /// Opens <paramref name="pageUrl"/>, fills its form (the first post form in the main content, or the one
    /// matched by <paramref name="formSelector"/>) as a browser would, with the form's hidden fields (the
    /// antiforgery token among them), and submits it.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient browser, string pageUrl, Dictionary<string, string> fields, string? formSelector = null) =>
        await browser.SubmitFormAsync(new Uri(pageUrl, UriKind.Relative), fields, formSelector);

    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient browser, Uri pageUrl, Dictionary<string, string> fields, string? formSelector = null)
    {
        using var get = await browser.GetAsync(pageUrl);
        Assert.True(get.IsSuccessStatusCode, $"GET {pageUrl} answered {(int)get.StatusCode}");
        var page = await ClusterAtlasFactory.ParseAsync(await get.Content.ReadAsStringAsync());
        var form = page.QuerySelector(formSelector ?? "main form[method=post]")
            ?? throw new Xunit.Sdk.XunitException($"no form on {pageUrl}");
        return await browser.PostFormAsync(form, pageUrl, fields);
    }

    /// <summary>
    /// Posts the form as a browser submits it: every successful control with its current value (text, hidden,
    /// ticked boxes and radios, chosen options, text areas) in document order, with <paramref name="fields"/>
    /// replacing the values of the controls they name.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient browser, IElement form, Uri pageUrl, Dictionary<string, string> fields)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var control in form.QuerySelectorAll("input, textarea, select"))
        {
            var name = control.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || control.HasAttribute("disabled") || fields.ContainsKey(name))
            {
                continue;
            }
            switch (control.LocalName)
            {
                case "textarea":
                    values.Add(new(name, control.TextContent.TrimStart('\n')));
                    break;
                case "select":
                    var option = control.QuerySelector("option[selected]") ?? control.QuerySelector("option");
                    if (option is not null)
                    {
                        values.Add(new(name, option.GetAttribute("value") ?? option.TextContent));
                    }
                    break;
                default:
                    var type = control.GetAttribute("type")?.ToLowerInvariant() ?? "text";
                    if (type is "submit" or "button" or "reset" or "image" or "file")
                    {
                        continue;
                    }
                    if (type is "checkbox" or "radio" && !control.HasAttribute("checked"))
                    {
                        continue;
                    }
                    values.Add(new(name, control.GetAttribute("value") ?? (type is "checkbox" or "radio" ? "on" : "")));
                    break;
            }
        }
        values.AddRange(fields);
        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : new Uri(action, UriKind.Relative);
        using var content = new FormUrlEncodedContent(values);
        return await browser.PostAsync(target, content);
    }
}
