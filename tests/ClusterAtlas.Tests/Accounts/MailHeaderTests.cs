using ClusterAtlas.Tests.Infrastructure;
using ClusterAtlas.Tests.Moderation;
using MimeKit;

namespace ClusterAtlas.Tests.Accounts;

/// <summary>Names and text people typed reach a message's headers without line breaks, and its body without control characters.</summary>
public sealed class MailHeaderTests(ClusterAtlasFactory app) : IClassFixture<ClusterAtlasFactory>
{
    private const string Injection = "\r\nBcc: x@evil.example";

    [Fact]
    public async Task A_profile_name_with_a_line_break_adds_no_header_to_the_message_about_it()
    {
        var profile = await app.SubmittedProfileAsync("Evil Cluster" + Injection);
        var colleague = ClusterAtlasFactory.NewEmail();
        await app.RegisterAndConfirmAsync(colleague);
        using var owner = await app.SignInAsync(profile.AdministratorEmail);

        using var added = await owner.SubmitFormAsync($"/cluster-organisations/{profile.Slug}/colleagues", new() { ["ColleagueEmail"] = colleague }, "form.add-colleague");

        var message = await app.LatestMailAsync(colleague, "You can now edit Evil Cluster Bcc: x@evil.example on ClusterAtlas");
        AssertNoInjectedHeader(message);
    }

    [Fact]
    public async Task A_person_name_with_a_line_break_adds_no_header_to_the_message_to_them()
    {
        var email = ClusterAtlasFactory.NewEmail();
        using var registered = await ClusterAtlasFactory.RegisterAsync(app.CreateBrowser(), email, name: "Ana\u001b[2J\u0007" + Injection);

        var message = await app.LatestMailAsync(email, "Confirm your e-mail address");
        AssertNoInjectedHeader(message);
        Assert.Equal("Ana [2J Bcc: x@evil.example", message.To.Mailboxes.Single().Name);
        // In the body a line break is only a line break, and terminal escapes are gone.
        Assert.DoesNotContain("\u001b", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello Ana[2J\nBcc: x@evil.example,", (message.TextBody ?? "").Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private void AssertNoInjectedHeader(MimeMessage message)
    {
        Assert.Empty(message.Bcc);
        Assert.DoesNotContain(message.Headers, h => h.Field.Equals("Bcc", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("\r", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message.Subject, StringComparison.Ordinal);
        Assert.All(message.To.Mailboxes, m => Assert.DoesNotContain("\n", m.Name, StringComparison.Ordinal));
        // The file as a mail server reads it: no header line of the attacker's among the headers.
        var file = new DirectoryInfo(app.MailDirectory).GetFiles("*.eml").Single(f => MimeMessage.Load(f.FullName).MessageId == message.MessageId);
        var headers = File.ReadAllText(file.FullName).Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")[0].Split("\n");
        Assert.DoesNotContain(headers, line => line.TrimStart().StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
    }
}
